import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { bytesDigest } from "../../../src/lib/digest.ts";
import { writeZipThroughCache, type SourceFile } from "../../../src/lib/offline/zip-cache.ts";
import { writeZipFile } from "../../../src/lib/offline/zip.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const temporary = () => {
  const folder = mkdtempSync(join(tmpdir(), "casefile-zip-cache-"));
  folders.push(folder);
  return folder;
};

const bytes = (text: string) => Buffer.from(text, "utf8");

/** A small site: pages whose `prepare` upper-cases them, and a file kept as it is. */
function site(edits: Record<string, string> = {}): Record<string, string> {
  return {
    "a/index.html": `<p>${"a page that repeats ".repeat(300)}</p>`,
    "b/index.html": `<p>${"another page ".repeat(300)}</p>`,
    "data.csv": "x,y\n1,2\n",
    ...edits,
  };
}

/** Source files of `contents`, counting the calls to `prepare` by name. */
function sources(contents: Record<string, string>, prepared: string[]): SourceFile[] {
  return Object.keys(contents)
    .sort()
    .map((name) => ({
      name,
      bytes: bytes(contents[name] ?? ""),
      prepare: (built) => {
        prepared.push(name);
        return name.endsWith(".html") ? bytes(Buffer.from(built).toString().toUpperCase()) : built;
      },
    }));
}

/** The zip written without any cache, for comparison. */
function plainZip(contents: Record<string, string>): Buffer {
  const path = join(temporary(), "plain.zip");
  writeZipFile(
    path,
    sources(contents, []).map((file) => [file.name, file.prepare(file.bytes)] as const),
    "casefile",
  );
  return readFileSync(path);
}

describe("a zip written through its cache", () => {
  it("copies unchanged entries from the last zip and gives the same bytes as a zip written afresh", () => {
    const cacheFolder = join(temporary(), "cache");
    const path = join(temporary(), "site.zip");
    const write = (contents: Record<string, string>, salt = "v1") => {
      const prepared: string[] = [];
      const summary = writeZipThroughCache({
        path,
        folder: "casefile",
        cacheFolder,
        salt,
        files: sources(contents, prepared),
      });
      return { summary, prepared, zip: readFileSync(path) };
    };

    const first = write(site());
    expect(first.summary).toMatchObject({ files: 3, reused: 0 });
    expect(first.prepared).toEqual(["a/index.html", "b/index.html", "data.csv"]);
    expect(first.zip).toEqual(plainZip(site()));
    expect(first.summary.digests.get("data.csv")).toBe(bytesDigest("x,y\n1,2\n"));

    const again = write(site());
    expect(again.summary.reused).toBe(3);
    expect(again.prepared).toEqual([]);
    expect(again.zip).toEqual(first.zip);

    const edited = site({ "b/index.html": "<p>edited</p>" });
    const oneEdit = write(edited);
    expect(oneEdit.summary.reused).toBe(2);
    expect(oneEdit.prepared).toEqual(["b/index.html"]);
    expect(oneEdit.zip).toEqual(plainZip(edited));
    expect(unzipSync(oneEdit.zip)["casefile/b/index.html"]).toEqual(
      new Uint8Array(bytes("<P>EDITED</P>")),
    );

    // Another salt (other code, base path or set of files): nothing is reused.
    const salted = write(edited, "v2");
    expect(salted.summary.reused).toBe(0);
    expect(salted.zip).toEqual(oneEdit.zip);
  });

  it("does not reuse a last zip whose index is missing or does not match it", () => {
    const cacheFolder = join(temporary(), "cache");
    const path = join(temporary(), "site.zip");
    const write = () =>
      writeZipThroughCache({
        path,
        folder: "casefile",
        cacheFolder,
        salt: "v1",
        files: sources(site(), []),
      });
    write();
    rmSync(join(cacheFolder, "last.zip"));
    expect(write().reused).toBe(0);
    rmSync(join(cacheFolder, "last.json"));
    expect(write().reused).toBe(0);
    writeFileSync(join(cacheFolder, "last.json"), "{ not json");
    expect(write().reused).toBe(0);
    expect(readFileSync(path)).toEqual(plainZip(site()));
  });

  it("writes the zip directly without a cache folder, or when the folder cannot be made", () => {
    const path = join(temporary(), "site.zip");
    const common = { path, folder: "casefile", salt: "v1", files: sources(site(), []) };
    expect(writeZipThroughCache({ ...common, cacheFolder: undefined })).toMatchObject({
      files: 3,
      reused: 0,
    });
    expect(readFileSync(path)).toEqual(plainZip(site()));
    const blocked = join(temporary(), "a-file");
    writeFileSync(blocked, "not a folder");
    const summary = writeZipThroughCache({
      ...common,
      files: sources(site(), []),
      cacheFolder: join(blocked, "cache"),
    });
    expect(summary.files).toBe(3);
    expect(readFileSync(path)).toEqual(plainZip(site()));
  });
});
