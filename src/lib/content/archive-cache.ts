import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { processCaptures, type Archive } from "../archive/index.ts";
import { readCaptures } from "./captures.ts";

/** Version of the cached archive's shape; bump it when the engine's output changes. */
const engineVersion = "1";

/** The archive of a site with its digest over every capture's path and bytes. */
export interface DigestedArchive {
  /** Digest of the engine version and every capture. */
  digest: string;
  /** The processed archive. */
  archive: Archive;
  /** True when it came from the cache. */
  cached: boolean;
  /** Milliseconds spent processing (0 when cached). */
  milliseconds: number;
}

/**
 * Runs the archive engine over a site's captures, or reuses the result cached on disk for the
 * same captures, so that `check`, the content loader and rebuilds process them once.
 */
export function processArchive(root: string, cacheDir = join(root, "node_modules/.cache/casefile")): DigestedArchive {
  const inputs = readCaptures(root);
  const hash = createHash("sha256").update(engineVersion);
  for (const input of inputs) hash.update(`${input.file}\0`).update(createHash("sha256").update(input.bytes).digest());
  const digest = hash.digest("hex");
  const file = join(cacheDir, `archive-${digest.slice(0, 32)}.json`);
  if (existsSync(file)) {
    return { digest, archive: JSON.parse(readFileSync(file, "utf8")) as Archive, cached: true, milliseconds: 0 };
  }
  const started = performance.now();
  const archive = processCaptures(inputs);
  const milliseconds = Math.round(performance.now() - started);
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(archive));
    renameSync(`${file}.tmp`, file);
  } catch {
    // A read-only checkout still builds; it only processes the captures again next time.
  }
  return { digest, archive, cached: false, milliseconds };
}
