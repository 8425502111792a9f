import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * A folder of cached results, one text file per key. Keys are digests of everything a result is
 * computed from, so an entry never goes stale: a changed input is a new key.
 */
export interface DiskCache {
  /** The folder holding the files. */
  folder: string;
  /** The text cached under a key, if any. */
  read(key: string): string | undefined;
  /** True when a text is cached under the key. */
  has(key: string): boolean;
  /**
   * Caches a text under a key and says whether it was written; a read-only folder is not an
   * error (the result is computed again).
   */
  write(key: string, text: string): boolean;
}

/** How the files of a cache are named: `<prefix><key><extension>`. */
export interface DiskCacheNames {
  /** Start of every file name, e.g. `archive-`. */
  prefix?: string;
  /** End of every file name, e.g. `.json`. */
  extension?: string;
}

/** A disk cache in `folder`; the folder is created on the first write. */
export function diskCache(folder: string, names: DiskCacheNames = {}): DiskCache {
  const file = (key: string) => join(folder, `${names.prefix ?? ""}${key}${names.extension ?? ""}`);
  let ready = false;
  return {
    folder,
    has: (key) => existsSync(file(key)),
    read: (key) => {
      const path = file(key);
      return existsSync(path) ? readFileSync(path, "utf8") : undefined;
    },
    write: (key, text) => {
      const path = file(key);
      // Written aside, then renamed: a build stopped midway or a parallel one never leaves half a file.
      const temporary = `${path}.${process.pid}.tmp`;
      try {
        if (!ready) mkdirSync(folder, { recursive: true });
        ready = true;
        writeFileSync(temporary, text);
        renameSync(temporary, path);
        return true;
      } catch {
        // A read-only checkout still builds; it only computes the result again next time.
        return false;
      }
    },
  };
}

/** The text cached under `key`, or `compute()`'s result, cached for next time. */
export function cachedText(
  cache: DiskCache | undefined,
  key: string,
  compute: () => string,
): string {
  const hit = cache?.read(key);
  if (hit !== undefined) return hit;
  const text = compute();
  cache?.write(key, text);
  return text;
}
