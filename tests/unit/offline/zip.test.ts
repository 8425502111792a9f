import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { writeZip, writeZipFile, type ZipFile } from "../../../src/lib/offline/zip.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);

/** The zip of some files, in memory. */
function zipOf(files: Iterable<ZipFile>, folder = "casefile"): Buffer {
  const chunks: Uint8Array[] = [];
  writeZip(files, folder, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/** What the central directory says of each entry, read by hand (fflate checks neither CRC nor time). */
function centralDirectory(zip: Buffer) {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  let at = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  return Array.from({ length: count }, () => {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
    };
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    return entry;
  });
}

const page = `<!doctype html><title>a</title>${"<p>A paragraph that repeats.</p>".repeat(200)}`;
const files: (readonly [string, Uint8Array])[] = [
  ["a/index.html", bytes(page)],
  ["a/z.txt", bytes("z")],
  ["b.png", bytes("\x89PNG not really, but stored by its type".repeat(20))],
  ["empty.txt", new Uint8Array()],
];

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const temporary = () => {
  const folder = mkdtempSync(join(tmpdir(), "casefile-zip-"));
  folders.push(folder);
  return folder;
};

describe("the offline zip", () => {
  it("round-trips every entry's bytes under one folder, in the order given", () => {
    const entries = unzipSync(zipOf(files));
    expect(Object.keys(entries)).toEqual([
      "casefile/a/index.html",
      "casefile/a/z.txt",
      "casefile/b.png",
      "casefile/empty.txt",
    ]);
    for (const [name, data] of files) expect(entries[`casefile/${name}`]).toEqual(data);
  });

  it("writes local headers in the same sorted order, with correct CRC-32s and a fixed time", () => {
    const zip = zipOf([...files, ["zz-check.txt", bytes("123456789")]]);
    const directory = centralDirectory(zip);
    const offsets = directory.map((entry) => entry.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    for (const entry of directory) {
      expect(zip.readUInt32LE(entry.offset)).toBe(0x04034b50);
      // The local header repeats method, time, CRC and sizes.
      expect(zip.readUInt16LE(entry.offset + 8)).toBe(entry.method);
      expect(zip.readUInt32LE(entry.offset + 14)).toBe(entry.crc);
      expect(zip.readUInt32LE(entry.offset + 18)).toBe(entry.compressedSize);
      // 2000-01-01 00:00:00 as a DOS date and time.
      expect([entry.date, entry.time]).toEqual([0x2821, 0]);
      expect(entry.flags).toBe(0);
    }
    // The CRC-32 check value of the standard (ISO-HDLC).
    expect(directory.find((entry) => entry.name === "casefile/zz-check.txt")?.crc).toBe(0xcbf43926);
  });

  it("deflates text, stores compressed types, empty files and what deflate cannot shrink", () => {
    const noise = randomBytes(4096);
    const directory = centralDirectory(zipOf([...files, ["noise.bin", noise]]));
    const of = (name: string) => directory.find((entry) => entry.name === `casefile/${name}`)!;
    expect(of("a/index.html").method).toBe(8);
    expect(of("a/index.html").compressedSize).toBeLessThan(page.length / 10);
    expect(of("b.png")).toMatchObject({ method: 0, compressedSize: of("b.png").size });
    expect(of("empty.txt")).toMatchObject({ method: 0, compressedSize: 0, size: 0 });
    expect(of("noise.bin")).toMatchObject({ method: 0, compressedSize: 4096 });
    expect(unzipSync(zipOf([["noise.bin", noise]]))["casefile/noise.bin"]).toEqual(
      new Uint8Array(noise),
    );
  });

  it("gives the same bytes every time, and the same on disk as in memory", () => {
    const zip = zipOf(files);
    expect(zipOf(files.map(([name, data]) => [name, new Uint8Array(data)]))).toEqual(zip);
    const path = join(temporary(), "site.zip");
    expect(writeZipFile(path, files, "casefile")).toEqual({ files: 4, bytes: zip.length });
    expect(readFileSync(path)).toEqual(zip);
  });

  it("refuses entries out of order or twice, rather than write a zip that depends on input order", () => {
    expect(() => zipOf([...files].reverse())).toThrow(/out of order/);
    expect(() => zipOf([files[0]!, files[0]!])).toThrow(/out of order/);
  });

  it("flags UTF-8 names", () => {
    const zip = zipOf([["incidents/señal/index.html", bytes("ñ")]]);
    expect(centralDirectory(zip)[0]).toMatchObject({
      name: "casefile/incidents/señal/index.html",
      flags: 0x0800,
    });
    expect(text(unzipSync(zip)["casefile/incidents/señal/index.html"])).toBe("ñ");
  });

  it("writes ZIP64 end records for 65,535 entries or more", () => {
    const many = 70_000;
    const names = Array.from({ length: many }, (_, index) => `f${String(index).padStart(5, "0")}`);
    const zip = zipOf(names.map((name) => [name, new Uint8Array()]));
    const end = zip.length - 22;
    expect(zip.readUInt16LE(end + 10)).toBe(0xffff);
    expect(zip.readUInt32LE(end - 20)).toBe(0x07064b50);
    const record = Number(zip.readBigUInt64LE(end - 12));
    expect(zip.readUInt32LE(record)).toBe(0x06064b50);
    expect(Number(zip.readBigUInt64LE(record + 32))).toBe(many);
    const entries = Object.keys(unzipSync(zip));
    expect(entries).toHaveLength(many);
    expect(entries.at(-1)).toBe("casefile/f69999");
  });

  it("removes a zip that failed halfway", () => {
    const path = join(temporary(), "broken.zip");
    function* failing(): Generator<ZipFile> {
      yield files[0]!;
      throw new Error("unreadable file");
    }
    expect(() => writeZipFile(path, failing(), "casefile")).toThrow(/unreadable file/);
    expect(existsSync(path)).toBe(false);
  });
});
