import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listCaptures } from "../../../src/lib/content/captures.ts";
import { folderContents, linkProblems } from "../../../src/lib/content/site-files.ts";

/** A site whose data/archives holds a file, a link to an outside file and a link to an outside folder. */
function siteWithLinks(): string {
  const base = mkdtempSync(join(tmpdir(), "site-files-"));
  const outside = join(base, "outside");
  mkdirSync(outside);
  writeFileSync(join(outside, "secret.txt"), "not for publication\n");
  const site = join(base, "site");
  mkdirSync(join(site, "data/archives/own"), { recursive: true });
  mkdirSync(join(site, "public"), { recursive: true });
  writeFileSync(join(site, "data/archives/own/page.txt"), "a capture\n");
  symlinkSync(outside, join(site, "data/archives/linked-folder"));
  symlinkSync(join(outside, "secret.txt"), join(site, "data/archives/own/linked-file.txt"));
  symlinkSync("/etc/passwd", join(site, "public/passwd.txt"));
  // A link to its own folder: a walk that followed links would never end.
  symlinkSync(join(site, "data"), join(site, "data/archives/loop"));
  return site;
}

describe("folderContents", () => {
  it("lists files and links without following links", () => {
    const site = siteWithLinks();
    expect(folderContents(join(site, "data/archives"))).toEqual({
      files: ["own/page.txt"],
      links: ["linked-folder", "loop", "own/linked-file.txt"],
    });
    expect(listCaptures(site)).toEqual(["data/archives/own/page.txt"]);
  });
});

describe("linkProblems", () => {
  it("names every symbolic link in data/ and public/ as an author problem", () => {
    const site = siteWithLinks();
    expect(linkProblems(site).map((problem) => problem.file)).toEqual([
      "data/archives/linked-folder",
      "data/archives/loop",
      "data/archives/own/linked-file.txt",
      "public/passwd.txt",
    ]);
    expect(linkProblems(site)[0]?.message).toBe(
      "is a symbolic link, which Casefile does not follow",
    );
  });
});
