import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCorpus } from "../../../src/lib/archive/corpus.ts";
import { processCaptures, type Archive } from "../../../src/lib/archive/index.ts";
import { isPacked, packArchive, unpackArchive } from "../../../src/lib/content/archive-packing.ts";
import { readCaptures } from "../../../src/lib/content/captures.ts";

const project = new URL("../../../", import.meta.url).pathname;

/** The archive after a trip through the disk cache's form. */
function roundTrip(archive: Archive): Archive {
  const stored = JSON.parse(JSON.stringify(packArchive(archive))) as unknown;
  expect(isPacked(stored)).toBe(true);
  return unpackArchive(stored as Parameters<typeof unpackArchive>[0]);
}

describe("the packed archive", () => {
  it("gives back the synthetic corpus's archive as JSON writes it, key order included", () => {
    const archive = processCaptures(generateCorpus({ seed: 7, bytes: 400_000 }).inputs);
    expect(archive.ledger.some((entry) => entry.status === "duplicate")).toBe(true);
    expect(archive.ledger.some((entry) => entry.status === "boilerplate")).toBe(true);
    expect(JSON.stringify(roundTrip(archive))).toBe(JSON.stringify(archive));
  });

  it("gives back the sample site's archive (roles, reading lists, entries without a document)", () => {
    const archive = processCaptures(readCaptures(project));
    expect(JSON.stringify(roundTrip(archive))).toBe(JSON.stringify(archive));
  });

  it("gives back the fixtures' archive", () => {
    const folder = join(project, "tests/fixtures/archive");
    const names = [
      "broadcaster-footer.txt",
      "compilation-standalone.txt",
      "compilation.txt",
      "crlf.txt",
      "pasted-twice.txt",
      "state-broadcaster-chrome.txt",
    ];
    const archive = processCaptures(
      names.map((name) => ({
        file: `data/archives/${name}`,
        bytes: new Uint8Array(readFileSync(join(folder, name))),
      })),
    );
    expect(JSON.stringify(roundTrip(archive))).toBe(JSON.stringify(archive));
  });

  it("writes each capture path once: short lines take a fraction of their plain JSON", () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`).join("\n");
    const archive = processCaptures([
      { file: "data/archives/short/lines.txt", bytes: new TextEncoder().encode(text) },
    ]);
    const packed = JSON.stringify(packArchive(archive));
    expect(JSON.stringify(roundTrip(archive))).toBe(JSON.stringify(archive));
    expect(packed.length).toBeLessThan(JSON.stringify(archive).length / 2.5);
  });
});
