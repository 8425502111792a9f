/**
 * Summarises V8 CPU profiles (`--cpu-prof` output): `node scripts/bench/profile-summary.ts <dir or
 * .cpuprofile files> [--top 30]` prints, per profile, the total sampled time, the top functions by
 * self time, and self time by package (node_modules/<package>, or the project folder).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The parts of a .cpuprofile we read. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    hitCount?: number;
  }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Where a script belongs: an npm package, a project folder, or node internals. */
export function packageOf(url: string): string {
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith("node:")) return "(node)";
  if (url === "") return "(native/gc/idle)";
  const project = /\/work\/main\/(src\/[^/]+(?:\/[^/]+)?|scripts|\.astro)/.exec(url);
  if (project) return project[1]!;
  return url
    .replace(/^file:\/\//, "")
    .split("/")
    .slice(-2)
    .join("/");
}

/** Self time (ms) per function and per package of one profile. */
export function summarise(profile: CpuProfile): {
  totalMs: number;
  functions: Map<string, number>;
  packages: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000),
  );
  const functions = new Map<string, number>();
  const packages = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = packageOf(frame.url);
    const name = `${frame.functionName || "(anonymous)"}  ${where}${frame.url ? `:${frame.url.split("/").pop()}:${frame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    packages.set(where, (packages.get(where) ?? 0) + ms);
  }
  return { totalMs: (profile.endTime - profile.startTime) / 1000, functions, packages };
}

const top = (map: Map<string, number>, count: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, count);

const args = process.argv.slice(2);
const count = Number(args[args.indexOf("--top") + 1] ?? 30) || 30;
const files = args
  .filter((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--top")
  .flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg)
          .filter((name) => name.endsWith(".cpuprofile"))
          .map((name) => join(arg, name))
      : [arg],
  );
for (const file of files) {
  const { totalMs, functions, packages } = summarise(
    JSON.parse(readFileSync(file, "utf8")) as CpuProfile,
  );
  process.stdout.write(
    `\n## ${file}: ${(totalMs / 1000).toFixed(1)} s profiled\n\nself time by package:\n`,
  );
  for (const [name, ms] of top(packages, 15))
    process.stdout.write(
      `${(ms / 1000).toFixed(2).padStart(8)} s ${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${name}\n`,
    );
  process.stdout.write(`\ntop ${count} functions by self time:\n`);
  for (const [name, ms] of top(functions, count))
    process.stdout.write(
      `${(ms / 1000).toFixed(2).padStart(8)} s ${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${name}\n`,
    );
}
