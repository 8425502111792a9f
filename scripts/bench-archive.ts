/**
 * `npm run bench:archive [-- --quick]`: times the archive engine on deterministic synthetic
 * corpora (1, 10 and 100 MB; --quick stops at 10 MB), each in its own process so peak memory is
 * per size, and scores the result against the corpus's ground truth. Prints a table and writes
 * bench/results/archive.json.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus, scoreArchive, type CorpusScore } from "../src/lib/archive/corpus.ts";
import { processCaptures } from "../src/lib/archive/index.ts";

/** One measured size. */
interface BenchRow extends CorpusScore {
  megabytes: number;
  files: number;
  lines: number;
  seconds: number;
  cpuSeconds: number;
  throughput: number;
  peakRssMB: number;
  documents: number;
}

const SEED = 20240812;
const MB = 1_000_000;
const TARGETS = { throughput: 20, scaling: 12, precision: 0.98, recall: 0.98 };

/** Measures one size (runs in a child process). */
function measure(megabytes: number): BenchRow {
  // Warm the JIT on a small corpus so the timing reflects steady-state throughput.
  processCaptures(generateCorpus({ seed: SEED + 1, bytes: 0.5 * MB }).inputs);
  const corpus = generateCorpus({ seed: SEED, bytes: megabytes * MB });
  const bytes = corpus.inputs.reduce((sum, input) => sum + input.bytes.length, 0);
  const start = performance.now();
  const cpu = process.cpuUsage();
  const archive = processCaptures(corpus.inputs);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const score = scoreArchive(corpus, archive.ledger);
  return {
    megabytes,
    files: archive.stats.files,
    lines: archive.stats.lines,
    seconds,
    cpuSeconds,
    throughput: bytes / MB / seconds,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    documents: archive.stats.documents,
    ...score,
  };
}

/** Runs one size in a fresh Node process and parses its result. */
function measureInChild(megabytes: number): BenchRow {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [script, "--child", String(megabytes)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`benchmark child for ${megabytes} MB failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as BenchRow;
}

/** Formats the results as a fixed-width table. */
function table(rows: readonly BenchRow[]): string {
  const header = ["size MB", "files", "lines", "time s", "MB/s", "peak RSS MB", "precision", "recall", "bp recall", "bp precision", "lines lost"];
  const body = rows.map((row) => [
    row.megabytes.toString(),
    row.files.toString(),
    row.lines.toString(),
    row.seconds.toFixed(2),
    row.throughput.toFixed(1),
    row.peakRssMB.toFixed(0),
    row.precision.toFixed(4),
    row.recall.toFixed(4),
    row.boilerplateRecall.toFixed(4),
    row.boilerplatePrecision.toFixed(4),
    row.linesLost.toString(),
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padStart(widths[i]!)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}

/** Runs the benchmark over all sizes and reports against the targets. */
function main(argv: readonly string[]): number {
  const child = argv.indexOf("--child");
  if (child >= 0) {
    process.stdout.write(JSON.stringify(measure(Number(argv[child + 1]))));
    return 0;
  }
  const sizes = argv.includes("--quick") ? [1, 10] : [1, 10, 100];
  const rows = sizes.map((size) => {
    process.stderr.write(`archive bench: ${size} MB…\n`);
    return measureInChild(size);
  });
  const scaling = rows.slice(1).map((row, i) => ({
    from: rows[i]!.megabytes,
    to: row.megabytes,
    timeRatio: row.seconds / rows[i]!.seconds,
  }));
  const largest = rows[rows.length - 1]!;
  const checks = [
    { target: `throughput ≥ ${TARGETS.throughput} MB/s at ${largest.megabytes} MB`, ok: largest.throughput >= TARGETS.throughput },
    ...scaling.map((s) => ({ target: `${s.to / s.from}× input in ≤ ${TARGETS.scaling}× time (${s.from}→${s.to} MB: ${s.timeRatio.toFixed(1)}×)`, ok: s.timeRatio <= TARGETS.scaling })),
    { target: `precision ≥ ${TARGETS.precision}`, ok: rows.every((row) => row.precision >= TARGETS.precision) },
    { target: `recall ≥ ${TARGETS.recall}`, ok: rows.every((row) => row.recall >= TARGETS.recall) },
    { target: "no line lost", ok: rows.every((row) => row.linesLost === 0) },
  ];
  process.stdout.write(table(rows) + "\n\n" + checks.map((check) => `${check.ok ? "PASS" : "FAIL"}  ${check.target}`).join("\n") + "\n");
  const out = join(dirname(fileURLToPath(import.meta.url)), "..", "bench", "results", "archive.json");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ seed: SEED, node: process.version, targets: TARGETS, rows, scaling, checks }, null, 2) + "\n");
  return rows.some((row) => row.linesLost > 0) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
