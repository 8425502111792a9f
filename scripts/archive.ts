/**
 * `npm run --silent archive -- [--json] <files or folders…>`: runs the archive engine over any
 * captures and prints a summary (or, with --json, one JSON object) — the same engine the site
 * build uses, so researchers can check their captures before building.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { CasefileError, formatProblem, isCasefileError, problemsOf } from "../src/lib/errors.ts";
import {
  boilerplateRules,
  processCaptures,
  type Archive,
  type CaptureInput,
} from "../src/lib/archive/index.ts";

const USAGE = "Usage: npm run --silent archive -- [--json] <files or folders…>";

/** Captures under a path: the file itself, or every non-dot file below a folder, sorted. */
function collect(path: string): string[] {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new CasefileError({
      file: path,
      message: "does not exist",
      hint: "check the path; give capture files or folders of captures",
    });
  }
  if (!stats.isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith("."))
    .sort()
    .flatMap((name) => collect(join(path, name)));
}

/** Draws a progress bar on stderr. */
function progressBar(): (done: number, total: number, phase: string) => void {
  return (done, total, phase) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    process.stderr.write(
      `\r${phase.padEnd(10)} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(done / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB`,
    );
  };
}

/** The human-readable summary. */
function summary(archive: Archive): string {
  const { stats } = archive;
  const row = (label: string, value: string | number): string => `  ${label.padEnd(20)}${value}`;
  const rules = Object.entries(stats.boilerplateByRule).sort(
    ([a, x], [b, y]) => y - x || (a < b ? -1 : 1),
  );
  return [
    `Archived ${stats.files} capture${stats.files === 1 ? "" : "s"} (${stats.bytes} bytes, ${stats.lines} non-blank lines)`,
    row("articles", stats.articles),
    row("documents", `${stats.documents} (${stats.syndicated} syndicated)`),
    row("unique paragraphs", stats.uniqueParagraphs),
    row("kept lines", stats.kept),
    row("duplicates", `${stats.duplicates} (${stats.nearDuplicates} edited versions)`),
    row("boilerplate", stats.boilerplate),
    ...rules.map(([rule, count]) => `    ${rule.padEnd(17)} ${count}`),
    ...provenance(archive),
    ...archive.warnings.map((warning) => `warning: ${formatProblem(warning)}`),
  ].join("\n");
}

/**
 * Where the captures that are not plain text came from: format, short SHA-256, capture time and
 * URL (all of it, for every capture, is in --json's `files[].provenance`).
 */
function provenance(archive: Archive): string[] {
  const listed = archive.files.filter((file) => file.provenance.format !== "text");
  if (listed.length === 0) return [];
  return [
    "captures (format, SHA-256, captured, from)",
    ...listed.map(({ file, provenance: p }) =>
      [`  ${file}`, p.format, `${p.sha256.slice(0, 12)}…`, p.capturedAt ?? "", p.url ?? ""]
        .filter(Boolean)
        .join("  "),
    ),
  ];
}

/** Runs the CLI; returns the exit code. */
function main(argv: readonly string[]): number {
  const json = argv.includes("--json");
  const paths = argv.filter((arg) => arg !== "--json");
  if (paths.length === 0 || paths.includes("--help") || paths.some((arg) => arg.startsWith("--"))) {
    process.stderr.write(USAGE + "\n");
    return paths.includes("--help") ? 0 : 1;
  }
  const inputs: CaptureInput[] = paths
    .flatMap(collect)
    .map((file) => ({ file, bytes: readFileSync(file) }));
  const total = inputs.reduce((sum, input) => sum + input.bytes.length, 0);
  const showProgress = process.stderr.isTTY && total > 8e6;
  const archive = processCaptures(inputs, showProgress ? { onProgress: progressBar() } : {});
  if (showProgress) process.stderr.write("\n");
  if (json) {
    const { documents, ledger, stats, files, warnings } = archive;
    process.stdout.write(
      JSON.stringify({ documents, ledger, stats, files, warnings, rules: boilerplateRules }) + "\n",
    );
  } else {
    process.stdout.write(summary(archive) + "\n");
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (isCasefileError(error)) {
    for (const problem of problemsOf(error)) process.stderr.write(formatProblem(problem) + "\n");
  } else {
    process.stderr.write(`archive: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  if (process.env["DEBUG"]?.split(",").includes("casefile") && error instanceof Error)
    process.stderr.write((error.stack ?? "") + "\n");
  process.exitCode = 1;
}
