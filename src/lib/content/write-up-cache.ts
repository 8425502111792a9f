/**
 * The MDX check of write-ups, cached on disk: parsing is about 1 MB/s, a second of the check per
 * hundred incidents, and a write-up's problems depend only on its path and text and on the code
 * that reads it.
 */
import { join } from "node:path";
import { bytesDigest, digest, sourceDigest } from "../digest.ts";
import type { CasefileProblem } from "../errors.ts";
import { cachedText, diskCache, type DiskCache } from "./disk-cache.ts";
import { checkWriteUp } from "./write-ups.ts";

/** What a cached result depends on besides the write-up: the check's code and its parser. */
const versionPaths = [
  "src/lib/content/write-ups.ts",
  "src/lib/content/write-up-links.ts",
  "src/lib/urls/paths.ts",
  "src/lib/content/provided-components.ts",
  "node_modules/@mdx-js/mdx/package.json",
  "node_modules/remark-gfm/package.json",
];

/** A write-up check that reads unchanged write-ups' problems from `folder`. */
export function cachedWriteUpCheck(
  folder: string,
  projectRoot: string,
): (file: string, text: string) => CasefileProblem[] {
  const cache: DiskCache = diskCache(join(folder, "write-ups"), { extension: ".json" });
  const version = sourceDigest(projectRoot, versionPaths);
  return (file, text) =>
    JSON.parse(
      cachedText(cache, digest(version, file, bytesDigest(text)).slice(0, 32), () =>
        JSON.stringify(checkWriteUp(file, text)),
      ),
    ) as CasefileProblem[];
}
