import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { bytesDigest } from "../digest.ts";
import { writeZipFile, type EntryLocation, type ZipFile, type ZipSummary } from "./zip.ts";

/**
 * A file to zip through the cache: its name, its bytes as built, and how they become the bytes
 * the zip carries (relative links, for instance). `prepare` runs only when the cache has no entry
 * for the same name, built bytes and salt.
 */
export interface SourceFile {
  /** Path inside the zip's top folder. */
  name: string;
  /** The bytes as built. */
  bytes: Uint8Array;
  /** The bytes the zip carries. */
  prepare: (bytes: Uint8Array) => Uint8Array;
}

/** A zip written through the cache, with what could be copied from the last one. */
export interface CachedZipSummary extends ZipSummary {
  /** Entries copied as stored from the last zip. */
  reused: number;
  /** SHA-256 of every file's built bytes, by name. */
  digests: Map<string, string>;
}

/** The cache's record of the last zip: the salt it was written under, and each entry. */
interface ZipIndex {
  salt: string;
  entries: Record<string, EntryLocation & { digest: string }>;
}

const zipName = "last.zip";
const indexName = "last.json";

function readIndex(folder: string): ZipIndex | undefined {
  try {
    return JSON.parse(readFileSync(join(folder, indexName), "utf8")) as ZipIndex;
  } catch {
    return undefined;
  }
}

/**
 * Writes a deterministic zip of `files` (ascending by name) under `folder/` to `path`, keeping a
 * copy and an index in `cacheFolder`: a file whose built bytes (SHA-256) and `salt` match the last
 * zip's is not prepared or deflated again, its stored bytes are copied from the last zip. The zip
 * is byte-identical to one written without the cache. `salt` must change whenever `prepare` or the
 * zip format could give other bytes for the same input (code, base path, the set of files).
 * Without a cache folder, or one that cannot be written, it writes the zip directly.
 */
export function writeZipThroughCache(options: {
  path: string;
  folder: string;
  cacheFolder: string | undefined;
  salt: string;
  files: Iterable<SourceFile>;
}): CachedZipSummary {
  const { path, folder, cacheFolder, salt } = options;
  const last = cacheFolder === undefined ? undefined : readIndex(cacheFolder);
  const reusable =
    cacheFolder !== undefined && last?.salt === salt && existsSync(join(cacheFolder, zipName))
      ? last
      : undefined;
  const lastZip =
    cacheFolder !== undefined && reusable ? openSync(join(cacheFolder, zipName), "r") : undefined;
  const digests = new Map<string, string>();
  let reused = 0;
  function* entries(): Generator<ZipFile> {
    for (const file of options.files) {
      const digest = bytesDigest(file.bytes);
      digests.set(file.name, digest);
      const cached = reusable?.entries[file.name];
      if (lastZip !== undefined && cached?.digest === digest) {
        const data = Buffer.allocUnsafe(cached.compressedSize);
        if (readSync(lastZip, data, 0, data.byteLength, cached.dataOffset) === data.byteLength) {
          reused++;
          yield [file.name, { method: cached.method, crc: cached.crc, size: cached.size, data }];
          continue;
        }
      }
      yield [file.name, file.prepare(file.bytes)];
    }
  }
  let cached = cacheFolder;
  try {
    if (cached !== undefined) mkdirSync(cached, { recursive: true });
  } catch {
    cached = undefined;
  }
  const next: ZipIndex = { salt, entries: {} };
  const target = cached === undefined ? path : join(cached, `${zipName}.${process.pid}.tmp`);
  let summary: ZipSummary;
  try {
    summary = writeZipFile(target, entries(), folder, (file, location) => {
      next.entries[file] = { ...location, digest: digests.get(file) ?? "" };
    });
  } finally {
    if (lastZip !== undefined) closeSync(lastZip);
  }
  if (cached !== undefined) {
    // The old index goes first and the new one last, so that an index never describes another
    // zip than the one beside it (a zip without an index is not reused).
    rmSync(join(cached, indexName), { force: true });
    renameSync(target, join(cached, zipName));
    writeFileSync(join(cached, indexName), JSON.stringify(next));
    // A hard link costs nothing; the cache's zip is only ever replaced by a rename, never
    // rewritten in place, so the site's copy keeps its bytes.
    rmSync(path, { force: true });
    try {
      linkSync(join(cached, zipName), path);
    } catch {
      copyFileSync(join(cached, zipName), path);
    }
  }
  return { ...summary, reused, digests };
}
