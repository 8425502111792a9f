/**
 * `npm run bench:adversarial [-- --quick] [-- --timeout <seconds>]`: runs the pathological
 * capture shapes of issue 18 (see `bench/adversarial-shapes.ts`) at growing sizes (0.25, 1, 4 and
 * 16 MB; --quick stops at 1 MB) through the archive engine as `npm run check` does
 * (`processArchive` over a site's `data/archives/`, which reads each capture once), each size in its own
 * process after a warm-up on prose, and prints a table: shape, size, seconds (wall-clock and CPU),
 * CPU seconds per MB, and the ratio of that to ordinary prose of the same size. Writes
 * bench/results/adversarial.json.
 *
 * No input may hang the build: the target is every shape within 2× of ordinary prose per MB, and
 * the largest sizes in seconds. Ratios are taken on CPU time, as `bench:archive` judges
 * throughput, because wall-clock on a shared machine also measures the neighbours. A run that
 * passes the time limit is killed and shown as such; a run the engine refuses (a limit's
 * CasefileError) shows the error.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "../src/lib/archive/corpus.ts";
import { processCaptures } from "../src/lib/archive/index.ts";
import { processArchive } from "../src/lib/content/archive-cache.ts";
import { formatProblem, isCasefileError, problemsOf } from "../src/lib/errors.ts";
import { adversarialShapes } from "./bench/adversarial-shapes.ts";

/** One measured shape and size. */
interface AdversarialRow {
  /** Shape name. */
  shape: string;
  /** Size asked for, MB. */
  megabytes: number;
  /** Bytes of the captures made. */
  bytes: number;
  /** Captures. */
  files: number;
  /** Wall-clock seconds of the check's archive work; undefined when killed. */
  seconds?: number;
  /** CPU seconds of the same, all threads. */
  cpuSeconds?: number;
  /** Peak resident memory of the measuring process, MB. */
  peakRssMB?: number;
  /** What went wrong: the engine's error, or the time limit. */
  problem?: string;
}

const MB = 1_000_000;

/** Measures one shape at one size (runs in a child process). */
function measure(shapeName: string, megabytes: number): AdversarialRow {
  // Warm the JIT on prose, so that every shape is timed in steady state.
  processCaptures(generateCorpus({ seed: 1, bytes: 0.5 * MB }).inputs);
  const shape = adversarialShapes.find((entry) => entry.name === shapeName)!;
  const captures = shape.captures(megabytes * MB);
  const bytes = captures.reduce((sum, capture) => sum + capture.bytes.length, 0);
  const root = mkdtempSync(join(tmpdir(), "casefile-adversarial-"));
  const row: AdversarialRow = { shape: shapeName, megabytes, bytes, files: captures.length };
  try {
    for (const { file, bytes: content } of captures) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), content);
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      processArchive(root, join(root, "cache"));
    } catch (error) {
      if (!isCasefileError(error)) throw error;
      row.problem = problemsOf(error).map(formatProblem).join(" ");
    }
    row.seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    row.cpuSeconds = (used.user + used.system) / 1e6;
    row.peakRssMB = process.resourceUsage().maxRSS / 1024;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return row;
}

/** Runs one shape and size in a fresh Node process, killed after `timeout` seconds. */
function measureInChild(shape: string, megabytes: number, timeout: number): AdversarialRow {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [script, "--child", shape, String(megabytes)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
    timeout: timeout * 1000,
    killSignal: "SIGKILL",
  });
  if (child.status === 0) return JSON.parse(child.stdout) as AdversarialRow;
  const bytes = NaN;
  const problem =
    child.signal === "SIGKILL"
      ? `killed after ${timeout} s`
      : (/^.*(?:Error|heap out of memory).*$/m.exec(child.stderr)?.[0] ?? `exit ${child.status}`);
  return { shape, megabytes, bytes, files: 0, problem };
}

/** Formats rows as a left-aligned first column and right-aligned others. */
function table(header: readonly string[], body: readonly string[][]): string {
  const widths = header.map((title, i) =>
    body.reduce((width, cells) => Math.max(width, cells[i]!.length), title.length),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** CPU seconds per MB of a row (undefined without a time). */
function perMB(row: AdversarialRow): number | undefined {
  return row.cpuSeconds === undefined ? undefined : row.cpuSeconds / (row.bytes / MB);
}

/** Runs every shape at every size and prints the table. */
function main(argv: readonly string[]): number {
  const child = argv.indexOf("--child");
  if (child >= 0) {
    process.stdout.write(JSON.stringify(measure(argv[child + 1]!, Number(argv[child + 2]))));
    return 0;
  }
  const timeoutAt = argv.indexOf("--timeout");
  const timeout = timeoutAt >= 0 ? Number(argv[timeoutAt + 1]) : 300;
  const sizes = argv.includes("--quick") ? [0.25, 1] : [0.25, 1, 4, 16];
  const rows: AdversarialRow[] = [];
  for (const shape of adversarialShapes) {
    for (const megabytes of sizes) {
      process.stderr.write(`adversarial bench: ${shape.name}, ${megabytes} MB…\n`);
      rows.push(measureInChild(shape.name, megabytes, timeout));
    }
  }
  const prose = new Map(
    rows
      .filter((row) => row.shape === adversarialShapes[0]!.name)
      .map((row) => [row.megabytes, row]),
  );
  const body = rows.map((row) => {
    const own = perMB(row);
    const base = prose.get(row.megabytes);
    const baseline = base && perMB(base);
    return [
      row.shape,
      Number.isNaN(row.bytes) ? `${row.megabytes}` : (row.bytes / MB).toFixed(2),
      row.seconds === undefined ? "—" : row.seconds.toFixed(2),
      row.cpuSeconds === undefined ? "—" : row.cpuSeconds.toFixed(2),
      own === undefined ? "—" : own.toFixed(3),
      own === undefined || !baseline ? "—" : `${(own / baseline).toFixed(2)}×`,
      row.peakRssMB === undefined ? "—" : row.peakRssMB.toFixed(0),
      row.problem ?? "",
    ];
  });
  const ratios = rows.flatMap((row) => {
    const own = perMB(row);
    const base = prose.get(row.megabytes);
    const baseline = base && perMB(base);
    return own !== undefined && baseline ? [own / baseline] : [];
  });
  const finished = rows.every((row) => row.seconds !== undefined);
  const worst = ratios.reduce((max, ratio) => Math.max(max, ratio), 0);
  process.stdout.write(
    `${table(["shape", "MB", "wall s", "cpu s", "cpu s/MB", "vs prose", "peak RSS MB", "problem"], body)}\n\n` +
      `${finished ? "PASS" : "FAIL"}  every run finished within ${timeout} s\n` +
      `${worst <= 2 ? "PASS" : "FAIL"}  every shape within 2× of ordinary prose per MB (worst ${worst.toFixed(2)}×)\n`,
  );
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "bench", "results");
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, "adversarial.json"),
    `${JSON.stringify({ node: process.version, timeout, rows }, null, 2)}\n`,
  );
  return finished ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
