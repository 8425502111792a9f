/**
 * Times the archive engine alone on a site's captures, as the build's first run does (no cache):
 * `node scripts/bench/archive-time.ts <site folder>` prints one JSON line with the milliseconds.
 * The build runs the engine in `npm run check`, beside `astro build`, and the content loader waits
 * for it, so the loader's log line says "cached"; this gives the benchmark the engine's own cost.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { processArchive } from "../../src/lib/content/archive-cache.ts";

const root = resolve(process.argv[2] ?? ".");
const cacheDir = mkdtempSync(join(tmpdir(), "casefile-archive-time-"));
try {
  const { archive, milliseconds } = processArchive(root, cacheDir);
  process.stdout.write(
    `${JSON.stringify({ milliseconds, files: archive.stats.files, documents: archive.stats.documents, uniqueParagraphs: archive.stats.uniqueParagraphs })}\n`,
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
