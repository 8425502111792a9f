import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateSite } from "../../../scripts/bench/generate-site.ts";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { processArchive } from "../../../src/lib/content/archive-cache.ts";
import {
  archiveCache,
  archiveKey,
  digestCaptures,
  storeArchive,
  storedArchive,
} from "../../../src/lib/content/archive-store.ts";
import { readCaptures } from "../../../src/lib/content/captures.ts";
import { loadSiteData } from "../../../src/lib/content/load.ts";
import { incidentCaptures, incidentEvidence } from "../../../src/lib/dossier/evidence.ts";

const work = mkdtempSync(join(tmpdir(), "archive-store-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Four synthetic incidents: captures in one folder per incident, one document copied across them.
generateSite({ out: work, incidents: 4, seed: 7 });
const root = join(work, "site");
const site = loadSiteData(root);
const archive = processCaptures(readCaptures(root));

describe("the archive stored per folder of captures", () => {
  const cache = archiveCache(root, join(work, "cache"));
  const { digest } = digestCaptures(root);
  const stored = storeArchive(cache, archiveKey(digest), archive);
  const reader = storedArchive(digest, cache)!;

  it("gives every incident the same evidence as the whole archive", () => {
    expect(stored).toBe(true);
    for (const incident of site.incidents) {
      const sources = site.sources.get(incident.id)?.sources ?? [];
      const part = reader.part(incidentCaptures(sources));
      expect(incidentEvidence(part, sources)).toEqual(incidentEvidence(archive, sources));
    }
  });

  it("reads only the folders of the captures asked for", () => {
    const [first] = site.incidents;
    const sources = site.sources.get(first!.id)!.sources;
    const part = reader.part(incidentCaptures(sources));
    const folder = `data/archives/${first!.id}/`;
    expect(part.documents.length).toBeGreaterThan(0);
    expect(part.documents.length).toBeLessThan(archive.documents.length);
    for (const document of part.documents)
      expect(document.copies.some((copy) => copy.file.startsWith(folder))).toBe(true);
    expect(part.ledger.every((entry) => entry.file.startsWith(folder))).toBe(true);
    expect(part.ledger.length).toBe(
      archive.ledger.filter((entry) => entry.file.startsWith(folder)).length,
    );
  });

  it("keeps the whole archive's figures and warnings in its index", () => {
    expect(reader.stats).toEqual(archive.stats);
    expect(reader.warnings).toEqual(archive.warnings);
    expect(reader.files).toEqual(archive.files);
  });

  it("is a folder of one small file per folder of captures and an index, never one document", () => {
    const files = readdirSync(cache.path(archiveKey(digest))).sort();
    expect(files).toContain("index.json");
    expect(files).toHaveLength(site.incidents.length + 1);
    const whole = JSON.stringify(archive).length;
    for (const file of files)
      expect(readFileSync(join(cache.path(archiveKey(digest)), file), "utf8").length).toBeLessThan(
        whole / 2,
      );
  });
});

describe("processArchive", () => {
  it("stores the archive and reads it back part by part when cached", () => {
    const cacheDir = join(work, "process-cache");
    const first = processArchive(root, cacheDir);
    expect(first).toMatchObject({ cached: false, stored: true });
    const again = processArchive(root, cacheDir);
    expect(again).toMatchObject({ cached: true, stored: true, digest: first.digest });
    expect(again.archive.stats).toEqual(archive.stats);
  });

  it("holds the archive in memory when its cache cannot be written", () => {
    // A cache folder inside a file cannot be created, not even by root.
    const blocked = join(work, "a-file");
    writeFileSync(blocked, "");
    const result = processArchive(root, join(blocked, "cache"));
    expect(result).toMatchObject({ cached: false, stored: false });
    expect(result.archive.part([]).documents).toHaveLength(archive.documents.length);
  });
});

describe("a document copied in two folders of captures", () => {
  const article = [
    "Ministry networks were disrupted for three days by a flood of requests from abroad.",
    "",
    "Officials said that no data had been taken and that services were restored on Friday.",
    "",
    "The agency attributed the attack to a group it has tracked since last spring.",
  ].join("\n");
  const text = (prefix: string) => new TextEncoder().encode(`${prefix}\n\n${article}\n`);
  const inputs = [
    { file: "data/archives/first/wire.txt", bytes: text("Wire report") },
    { file: "data/archives/second/copy.txt", bytes: text("Republished") },
  ];
  const whole = processCaptures(inputs);
  const cache = archiveCache(work, join(work, "shared-cache"));
  storeArchive(cache, archiveKey("f".repeat(64)), whole);
  const reader = storedArchive("f".repeat(64), cache)!;

  it("is stored with each folder and read once", () => {
    const shared = whole.documents.filter((document) => document.copies.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const file of ["data/archives/first/wire.txt", "data/archives/second/copy.txt"])
      expect(reader.part([file]).documents.map((document) => document.id)).toEqual(
        expect.arrayContaining(shared.map((document) => document.id)),
      );
    const both = reader.part(inputs.map((input) => input.file));
    expect(both.documents.map((document) => document.id)).toEqual(
      whole.documents.map((document) => document.id),
    );
    expect(both.ledger).toEqual(whole.ledger);
  });
});
