import { lstatSync, readdirSync, rmSync, type Stats } from "node:fs";
import { join } from "node:path";

/** What pruning a cache folder removed and kept. */
export interface PruneSummary {
  /** Entries removed. */
  removed: number;
  /** Bytes removed. */
  removedBytes: number;
  /** Entries kept. */
  kept: number;
  /** Bytes kept. */
  keptBytes: number;
}

/** One entry of a cache folder: a file, or a folder of files (an archive). */
interface Entry {
  /** Its name in the folder. */
  name: string;
  /** When it was last used (`markUsed`) or written, in ms since the epoch. */
  used: number;
  /** Its size in bytes (a folder: its files). */
  bytes: number;
}

/** The size of a file, or of the files in a folder (one level: cache entries are flat). */
function sizeOf(path: string, stats: Stats): number {
  if (!stats.isDirectory()) return stats.size;
  let bytes = 0;
  for (const name of readdirSync(path)) {
    try {
      bytes += lstatSync(join(path, name)).size;
    } catch {
      // Removed meanwhile.
    }
  }
  return bytes;
}

/**
 * Prunes a cache folder (see `diskCache`): entries used since `usedSince` (by this build) are
 * kept; of the others, the most recently used are kept while they add up to at most `capBytes`,
 * and the rest are removed. So a cache holds what the last build used plus at most `capBytes` of
 * older entries (for pages the incremental build copied without rendering). Claims and entries
 * being written (`.claim-…`, `….tmp`) are left alone; a folder that is missing or read-only
 * prunes nothing.
 */
export function pruneCache(folder: string, usedSince: number, capBytes: number): PruneSummary {
  const summary: PruneSummary = { removed: 0, removedBytes: 0, kept: 0, keptBytes: 0 };
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return summary;
  }
  const unused: Entry[] = [];
  for (const name of names) {
    if (name.startsWith(".") || name.endsWith(".tmp")) continue;
    try {
      const path = join(folder, name);
      const stats = lstatSync(path);
      const entry = { name, used: stats.mtimeMs, bytes: sizeOf(path, stats) };
      if (entry.used >= usedSince) {
        summary.kept += 1;
        summary.keptBytes += entry.bytes;
      } else unused.push(entry);
    } catch {
      // Removed meanwhile.
    }
  }
  unused.sort((a, b) => b.used - a.used);
  let older = 0;
  let full = false;
  for (const entry of unused) {
    full ||= older + entry.bytes > capBytes;
    if (!full) {
      older += entry.bytes;
      summary.kept += 1;
      summary.keptBytes += entry.bytes;
      continue;
    }
    try {
      rmSync(join(folder, entry.name), { recursive: true, force: true });
      summary.removed += 1;
      summary.removedBytes += entry.bytes;
    } catch {
      // Read-only: kept.
    }
  }
  return summary;
}
