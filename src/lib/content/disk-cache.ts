import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";

/**
 * A folder of cached results, one text file per key. Keys are digests of everything a result is
 * computed from, so an entry never goes stale: a changed input is a new key. An entry found is
 * marked used (its modification time set to now), which is what `pruneCache` keeps.
 */
export interface DiskCache {
  /** The folder holding the files. */
  folder: string;
  /** The file an entry is (or would be) kept in, to copy it without reading it. */
  path(key: string): string;
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
    path: file,
    has: (key) => markUsed(file(key)),
    read: (key) => {
      const path = file(key);
      return markUsed(path) ? readFileSync(path, "utf8") : undefined;
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

/**
 * Marks a cached file or folder used now (see `pruneCache`) and says whether it exists. A cache
 * that cannot be written still reads: the mark is then skipped.
 */
export function markUsed(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // Read-only: entries are not pruned there either.
  }
  return true;
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

/** The file that says which process is computing the entry under `key`. */
const claimFile = (cache: DiskCache, key: string) => join(cache.folder, `.claim-${key}`);

/** True while the process with this id runs. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The process that has claimed `key` and still runs (not this one), if any. */
function claimant(cache: DiskCache, key: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(claimFile(cache, key), "utf8"));
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid !== process.pid && running(pid) ? pid : undefined;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** True when the claim file names this process. */
function ownClaim(file: string): boolean {
  try {
    return readFileSync(file, "utf8") === String(process.pid);
  } catch {
    return false;
  }
}

/**
 * Waits, blocking, while another running process has claimed `key` (see `claimEntry`), then says
 * whether the entry is cached. Two processes of one build (the check and Astro's content loader)
 * thus compute a large entry once, not side by side.
 */
export function awaitEntry(cache: DiskCache, key: string): boolean {
  while (!cache.has(key) && claimant(cache, key) !== undefined) Atomics.wait(pause, 0, 0, 50);
  return cache.has(key);
}

/** The give-up of a claim this caller does not own. */
function giveUpNothing(): void {
  // Nothing to give up: the claim is another caller's, or none was taken.
}

/**
 * Claims the computing of the entry under `key` for this process, after waiting for any other
 * process computing it; returns the function that gives the claim up. A claim left by a process
 * that died is taken over; a folder that cannot be written gives a claim that claims nothing.
 */
export function claimEntry(cache: DiskCache, key: string): () => void {
  const file = claimFile(cache, key);
  for (;;) {
    try {
      mkdirSync(cache.folder, { recursive: true });
      writeFileSync(file, String(process.pid), { flag: "wx" });
      // Only this process's own claim is given up, even if it was taken over meanwhile.
      return () => {
        if (ownClaim(file)) rmSync(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return giveUpNothing;
    }
    // Claimed already by this process (by a caller of the caller): that claim's owner gives it up.
    if (ownClaim(file)) return giveUpNothing;
    if (claimant(cache, key) === undefined) rmSync(file, { force: true });
    else awaitEntry(cache, key);
  }
}
