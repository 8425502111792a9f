/**
 * Times the offline zip step alone on a built site, as the build's last hook runs it:
 * `node scripts/bench/zip-time.ts <dist folder> [--runs 5] [--module <file>]` runs the module's
 * `writeOfflineZip` (default `src/integration/steps/offline-bundle.ts`) once per fresh process, so that
 * each run's peak RSS is its own, and prints one JSON line: median and each run's milliseconds,
 * the largest peak RSS in MB, files and zip bytes. It rewrites the dist folder's zip.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generatedFiles, type OfflineManifest } from "../../src/lib/offline/offline-manifest.ts";

/** What one run reports. */
interface Run {
  milliseconds: number;
  peakRssMb: number;
  files: number;
  bytes: number;
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const dist = resolve(args[0] ?? "dist");
const module = resolve(option("--module") ?? "src/integration/steps/offline-bundle.ts");

if (args.includes("--child")) {
  const manifest = join(dist, generatedFiles.offlineManifest);
  const base = existsSync(manifest)
    ? (JSON.parse(readFileSync(manifest, "utf8")) as OfflineManifest).base
    : "/";
  const { writeOfflineZip } = (await import(pathToFileURL(module).href)) as {
    writeOfflineZip: (site: { out: string; base: string; origin: string }) => {
      files: number;
      bytes: number;
    };
  };
  const start = performance.now();
  const { files, bytes } = writeOfflineZip({ out: dist, base, origin: "http://localhost:4321" });
  const run: Run = {
    milliseconds: Math.round(performance.now() - start),
    // maxRSS is in kilobytes.
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    files,
    bytes,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
} else {
  const runs: Run[] = [];
  for (let index = 0; index < Number(option("--runs") ?? 5); index++) {
    const child = spawnSync(
      process.execPath,
      [process.argv[1]!, dist, "--module", module, "--child"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    if (child.status !== 0) process.exit(child.status ?? 1);
    runs.push(JSON.parse(child.stdout) as Run);
  }
  const times = runs.map((run) => run.milliseconds).sort((a, b) => a - b);
  process.stdout.write(
    `${JSON.stringify({
      module,
      medianMs: times[Math.floor(times.length / 2)],
      runsMs: runs.map((run) => run.milliseconds),
      peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
      files: runs[0]?.files,
      bytes: runs[0]?.bytes,
    })}\n`,
  );
}
