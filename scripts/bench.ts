/**
 * `npm run bench [-- --quick] [-- --sizes 100,300] [-- --profile]`: the build benchmark. For each
 * size N (default 100, 300, 1000; --quick: 100) it generates a synthetic site
 * (scripts/bench/generate-site.ts) in a temporary folder and measures the Casefile cold build (own
 * data store, Vite cache, archive cache and output), a rebuild with nothing changed, a rebuild
 * after editing one write-up, the peak RSS of the build's process tree, time per page, the archive
 * engine's share of the cold build, and a bare Astro 7 build of the same write-ups (MDX + GFM, no
 * Casefile components). Beside them, in the same run, Pagefind's CLI alone over Casefile's HTML and
 * `zip -6` alone over its output: with bare Astro, the "sum of the best tools" for the same jobs.
 * Prints a table, MB per incident, the largest N that fits GitHub's 7 GB and 16 GB runners
 * (extrapolated on a line through the sizes measured) and the targets met or missed; writes
 * bench/results/build.json. Builds past `--rss-limit-mb` (default 8192) are killed: give
 * `--rss-limit-mb 15000` to measure N = 5000. `--profile` adds `--cpu-prof` to the cold build (profiles in the run's
 * temporary folder; summarise with `node scripts/bench/profile-summary.ts <dir>`).
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copyEngine, editIncident, generateSite, projectRoot } from "./bench/generate-site.ts";
import { buildPhases, type BuildPhases } from "./bench/phases.ts";
import { measure, type MeasuredRun } from "./bench/run.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const quick = args.includes("--quick");
const profile = args.includes("--profile");
const keep = args.includes("--keep");
const sizes = (option("sizes") ?? (quick ? "100" : "100,300,1000")).split(",").map(Number);
const SEED = 20260101;
const TIMEOUT_MS = 30 * 60_000;
/** Builds are killed past this much memory: the machine is shared and has no swap. */
const RSS_LIMIT_MB = Number(option("rss-limit-mb") ?? 8192);
const node = join(projectRoot, "node_modules/.bin/node");
const astroBin = join(projectRoot, "node_modules/astro/bin/astro.mjs");

/** Targets of issue 7 (time) and issue 19 (scale: memory, runners, the best tools' sum). */
const TARGETS = {
  coldAt1000Seconds: 120,
  peakRssAt1000MB: 3072,
  ratio: 1.5,
  oneEditSeconds: 10,
  scaling1000over100: 11,
  peakRssAt2000MB: 6144,
  peakRssAt5000MB: 14336,
  coldAt5000Seconds: 720,
  ratioToBestTools: 1.2,
  oneEditOverBare: 0.5,
};

/** Memory of GitHub's standard runners: private repositories (2 vCPUs) and public ones (4 vCPUs). */
const RUNNERS = [
  { name: "private runner (7 GB)", mb: 7 * 1024 },
  { name: "public runner (16 GB)", mb: 16 * 1024 },
];

/** One measured size. */
interface BuildRow {
  n: number;
  pages: number;
  captureKBPerIncident: number;
  wordsPerIncident: number;
  coldSeconds: number;
  bareSeconds: number;
  ratio: number;
  noChangeSeconds: number;
  oneEditSeconds: number;
  peakRssMB: number;
  msPerPage: number;
  archiveMs: number;
  archiveSharePercent: number;
  archiveLog: string;
  bareRssMB: number;
  /** Peak RSS per incident, MB: Casefile and bare Astro. */
  mbPerIncident: number;
  bareMbPerIncident: number;
  /** Pagefind's CLI alone over Casefile's HTML, and `zip -6` alone over its output. */
  pagefindSeconds: number;
  pagefindRssMB: number;
  zipSeconds: number;
  /** Bare Astro + Pagefind alone + zip alone: the sum of the best tools for the same jobs. */
  bestToolsSeconds: number;
  /** Casefile cold / the best tools' sum. */
  ratioToBestTools: number;
  /** CPU seconds (user + system) of the build trees: robust to a busy machine, unlike wall time. */
  coldCpuSeconds: number;
  bareCpuSeconds: number;
  oneEditCpuSeconds: number;
  /** Where each build's time went, from its log. */
  phases: { cold: BuildPhases; noChange: BuildPhases; oneEdit: BuildPhases };
  failures: string[];
}

const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

function pagesBuilt(output: string): number {
  const text = stripAnsi(output);
  const match = /(\d+) page\(s\) built in/.exec(text);
  // A build stopped after rendering (e.g. by the memory guard) has no summary: count its routes.
  return match ? Number(match[1]) : (text.match(/^\S* *├─ .*index\.html/gm) ?? []).length;
}

function describe(run: MeasuredRun): string {
  return run.timedOut
    ? "timed out"
    : run.overMemory
      ? `killed past ${RSS_LIMIT_MB} MB RSS`
      : `exit ${run.code}`;
}

async function benchSize(n: number, work: string): Promise<BuildRow> {
  const out = join(work, `n${n}`);
  process.stderr.write(`\n[bench] N=${n}: generating in ${out}\n`);
  const generated = generateSite({ out, incidents: n, seed: SEED });
  const site = join(out, "site");
  const bare = join(out, "bare");
  const logs = join(out, "logs");
  mkdirSync(logs, { recursive: true });
  const failures: string[] = [];
  const log = (name: string, run: MeasuredRun) => {
    writeFileSync(join(logs, `${name}.log`), stripAnsi(run.output));
    process.stderr.write(
      `[bench] N=${n} ${name}: ${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds.toFixed(1)} s), peak RSS ${Math.round(run.peakRssMB)} MB, ${describe(run)}\n`,
    );
    if (run.code !== 0)
      failures.push(`${name}: ${describe(run)} (see ${join(logs, `${name}.log`)})`);
  };

  // Bare Astro 7: the same write-ups as plain MDX, cold (its own cache and output).
  rmSync(join(bare, ".cache"), { recursive: true, force: true });
  rmSync(join(bare, "dist"), { recursive: true, force: true });
  const bareRun = await measure(node, [astroBin, "build"], {
    cwd: bare,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
    timeoutMs: TIMEOUT_MS,
    rssLimitMB: RSS_LIMIT_MB,
  });
  log("bare-cold", bareRun);

  // Casefile: cold, no change, one edit. Own data store and Vite cache (CASEFILE_CACHE_DIR), own
  // archive cache (under the site's node_modules/.cache) and own output.
  const cacheDir = join(out, "astro-cache");
  // Inside the engine's root on purpose: with an output folder outside the working directory
  // Astro puts its prerender bundle in the root's .astro/.prerender/.
  const outDir = join(engine, `dist-n${n}`);
  rmSync(join(engine, ".astro"), { recursive: true, force: true });
  rmSync(join(engine, "node_modules/.astro"), { recursive: true, force: true });
  rmSync(join(engine, "node_modules/.vite"), { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  rmSync(join(site, "node_modules"), { recursive: true, force: true });
  const profileDir = join(out, "profiles");
  const env = (cold: boolean): NodeJS.ProcessEnv => ({
    ...process.env,
    CASEFILE_SITE: site,
    CASEFILE_OUT_DIR: outDir,
    CASEFILE_CACHE_DIR: cacheDir,
    BASE_PATH: "/",
    SITE_URL: "https://example.org",
    NO_COLOR: "1",
    ASTRO_TELEMETRY_DISABLED: "1",
    ...(cold && profile
      ? {
          NODE_OPTIONS:
            `${process.env["NODE_OPTIONS"] ?? ""} --cpu-prof --cpu-prof-dir=${profileDir}`.trim(),
        }
      : {}),
  });
  const build = (cold: boolean) =>
    measure(node, ["node_modules/astro/bin/astro.mjs", "build"], {
      cwd: engine,
      env: env(cold),
      timeoutMs: TIMEOUT_MS,
      rssLimitMB: RSS_LIMIT_MB,
    });
  const cold = await build(true);
  log("casefile-cold", cold);

  // The best tools alone on the same output: Pagefind's CLI over the HTML, `zip -6` over the files.
  const tools = join(out, "tools");
  rmSync(tools, { recursive: true, force: true });
  mkdirSync(tools, { recursive: true });
  const toolEnv = { ...process.env, NO_COLOR: "1" };
  const pagefind = await measure(
    join(projectRoot, "node_modules/.bin/pagefind"),
    ["--site", outDir, "--output-path", join(tools, "pagefind"), "--silent"],
    { cwd: tools, env: toolEnv, timeoutMs: TIMEOUT_MS, rssLimitMB: RSS_LIMIT_MB },
  );
  log("pagefind-alone", pagefind);
  const zip = await measure("zip", ["-6", "-r", "-q", join(tools, "site.zip"), "."], {
    cwd: outDir,
    env: toolEnv,
    timeoutMs: TIMEOUT_MS,
    rssLimitMB: RSS_LIMIT_MB,
  });
  log("zip-alone", zip);
  rmSync(tools, { recursive: true, force: true });
  const bestToolsSeconds = bareRun.seconds + pagefind.seconds + zip.seconds;
  const noChange = await build(false);
  log("casefile-no-change", noChange);
  editIncident(site, generated.incidents[0]!, "one-edit");
  const oneEdit = await build(false);
  log("casefile-one-edit", oneEdit);

  // The archive engine's own time: from the loader's log line when it processed the captures,
  // else (the check beside the build processed them and the loader waited for it) timed alone.
  const logged = /archive: ([^\n]*)\((\d+) ms\)/.exec(stripAnsi(cold.output));
  let archiveMs = logged ? Number(logged[2]) : Number.NaN;
  const archiveLine = /\[casefile-archive\] ([^\n]*)/.exec(stripAnsi(cold.output))?.[1] ?? "";
  if (!logged) {
    const timed = spawnSync(node, [join(engine, "scripts/bench/archive-time.ts"), site], {
      cwd: engine,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    try {
      archiveMs = (
        JSON.parse(timed.stdout.trim().split("\n").pop() ?? "{}") as { milliseconds: number }
      ).milliseconds;
    } catch {
      failures.push(`archive timing failed: ${timed.stderr.slice(0, 500)}`);
    }
  }
  const pages = pagesBuilt(cold.output);
  const row: BuildRow = {
    n,
    pages,
    captureKBPerIncident: Math.round(generated.captureBytes / 1024 / n),
    wordsPerIncident: Math.round(generated.words / n),
    coldSeconds: cold.seconds,
    bareSeconds: bareRun.seconds,
    ratio: cold.seconds / bareRun.seconds,
    noChangeSeconds: noChange.seconds,
    oneEditSeconds: oneEdit.seconds,
    peakRssMB: Math.max(cold.peakRssMB, noChange.peakRssMB, oneEdit.peakRssMB),
    msPerPage: pages > 0 ? (cold.seconds * 1000) / pages : Number.NaN,
    archiveMs,
    archiveSharePercent: (archiveMs / 1000 / cold.seconds) * 100,
    archiveLog: archiveLine,
    bareRssMB: bareRun.peakRssMB,
    mbPerIncident: cold.peakRssMB / n,
    bareMbPerIncident: bareRun.peakRssMB / n,
    pagefindSeconds: pagefind.seconds,
    pagefindRssMB: pagefind.peakRssMB,
    zipSeconds: zip.seconds,
    bestToolsSeconds,
    ratioToBestTools: cold.seconds / bestToolsSeconds,
    coldCpuSeconds: cold.cpuSeconds,
    bareCpuSeconds: bareRun.cpuSeconds,
    oneEditCpuSeconds: oneEdit.cpuSeconds,
    phases: {
      cold: buildPhases(stripAnsi(cold.output)),
      noChange: buildPhases(stripAnsi(noChange.output)),
      oneEdit: buildPhases(stripAnsi(oneEdit.output)),
    },
    failures,
  };
  if (!keep && !profile) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(join(bare, "dist"), { recursive: true, force: true });
  }
  return row;
}

/** A Markdown table with right-aligned columns padded to their widest cell. */
function markdownTable(header: string[], body: string[][]): string {
  const widths = header.map((cell, index) =>
    Math.max(cell.length, ...body.map((line) => (line[index] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => cell.padStart(widths[index] ?? 0)).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((width) => `${"-".repeat(width + 1)}:`).join("|")}|`,
    ...body.map(line),
  ].join("\n");
}

function table(rows: BuildRow[]): string {
  const header = [
    "N",
    "cold s",
    "bare s",
    "ratio",
    "no-change s",
    "one-edit s",
    "peak RSS MB",
    "ms/page",
    "archive %",
  ];
  const body = rows.map((row) => [
    String(row.n),
    row.coldSeconds.toFixed(1),
    row.bareSeconds.toFixed(1),
    row.ratio.toFixed(2),
    row.noChangeSeconds.toFixed(1),
    row.oneEditSeconds.toFixed(1),
    String(Math.round(row.peakRssMB)),
    row.msPerPage.toFixed(1),
    row.archiveSharePercent.toFixed(1),
  ]);
  return markdownTable(header, body);
}

/** Memory and the best tools' sum per size: what issue 19 (scale) measures. */
function scaleTable(rows: BuildRow[]): string {
  const header = [
    "N",
    "cold s",
    "peak RSS MB",
    "MB/incident",
    "bare s",
    "bare RSS MB",
    "bare MB/incident",
    "Pagefind s",
    "zip -6 s",
    "best tools s",
    "ratio to best tools",
  ];
  const body = rows.map((row) => [
    String(row.n),
    row.coldSeconds.toFixed(1),
    String(Math.round(row.peakRssMB)),
    row.mbPerIncident.toFixed(2),
    row.bareSeconds.toFixed(1),
    String(Math.round(row.bareRssMB)),
    row.bareMbPerIncident.toFixed(2),
    row.pagefindSeconds.toFixed(1),
    row.zipSeconds.toFixed(1),
    row.bestToolsSeconds.toFixed(1),
    row.ratioToBestTools.toFixed(2),
  ]);
  return markdownTable(header, body);
}

/** The least-squares line through (N, MB): intercept and slope; undefined below two sizes. */
function memoryLine(rows: BuildRow[], mb: (row: BuildRow) => number) {
  const points = rows.filter((row) => row.failures.length === 0 && row.n > 0);
  if (new Set(points.map((row) => row.n)).size < 2) return undefined;
  const meanN = points.reduce((sum, row) => sum + row.n, 0) / points.length;
  const meanMb = points.reduce((sum, row) => sum + mb(row), 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const row of points) {
    covariance += (row.n - meanN) * (mb(row) - meanMb);
    variance += (row.n - meanN) ** 2;
  }
  const slope = covariance / variance;
  return { slope, intercept: meanMb - slope * meanN };
}

/**
 * Which runner fits which site: the largest N whose peak RSS, extrapolated on the line through the
 * measured sizes, stays within each runner's memory (Casefile and bare Astro).
 */
function runnerVerdicts(rows: BuildRow[]): string[] {
  const lines: string[] = [];
  for (const [name, mb] of [
    ["Casefile", (row: BuildRow) => row.peakRssMB],
    ["bare Astro", (row: BuildRow) => row.bareRssMB],
  ] as const) {
    const line = memoryLine(rows, mb);
    if (!line) {
      lines.push(`${name}: runner verdicts need two or more sizes that built`);
      continue;
    }
    const fits = RUNNERS.map((runner) => {
      const largest = Math.floor((runner.mb - line.intercept) / line.slope);
      return `${runner.name}: N ≤ ${line.slope > 0 ? largest.toLocaleString("en") : "any"}`;
    });
    lines.push(
      `${name}: peak RSS ≈ ${Math.round(line.intercept)} MB + ${line.slope.toFixed(2)} MB × N (least squares over N = ${rows.map((row) => row.n).join(", ")}; extrapolated) → ${fits.join("; ")}`,
    );
  }
  return lines;
}

/** The phases of every build, one line per size and kind of build (seconds; see bench/phases.ts). */
function phaseTable(rows: BuildRow[]): string {
  const names: (keyof BuildPhases)[] = [
    "check",
    "start",
    "bundle",
    "render",
    "search",
    "dossiers",
    "zip",
    "afterAstro",
  ];
  const header = ["N", "build", ...names];
  const body = rows.flatMap((row) =>
    (["cold", "noChange", "oneEdit"] as const).map((kind) => [
      String(row.n),
      kind,
      ...names.map((name) => row.phases[kind][name]?.toFixed(1) ?? "–"),
    ]),
  );
  return markdownTable(header, body);
}

/** A target check: what, the measured value, and whether it was met (undefined: not measured). */
interface Check {
  target: string;
  measured: string;
  met: boolean | undefined;
}

/**
 * A measured value against a limit. A build that did not finish gives a lower bound: a miss if it
 * already passes the limit, otherwise not known.
 */
function versus(
  value: number,
  limit: number,
  finished: boolean,
  text: string,
): Pick<Check, "measured" | "met"> {
  if (finished) return { measured: text, met: value <= limit };
  return { measured: `≥ ${text} (build did not finish)`, met: value > limit ? false : undefined };
}

function checks(rows: BuildRow[]): Check[] {
  const at = (n: number) => rows.find((row) => row.n === n);
  const big = at(1000);
  const small = at(100);
  const finished = (row: BuildRow) => row.failures.length === 0;
  const notRun = { measured: "not run", met: undefined };
  const list: Check[] = [
    {
      target: `N=1000 cold build ≤ ${TARGETS.coldAt1000Seconds} s`,
      ...(big
        ? versus(
            big.coldSeconds,
            TARGETS.coldAt1000Seconds,
            finished(big),
            `${big.coldSeconds.toFixed(1)} s`,
          )
        : notRun),
    },
    {
      target: `N=1000 peak RSS ≤ ${TARGETS.peakRssAt1000MB} MB`,
      ...(big
        ? versus(
            big.peakRssMB,
            TARGETS.peakRssAt1000MB,
            finished(big),
            `${Math.round(big.peakRssMB)} MB`,
          )
        : notRun),
    },
  ];
  for (const row of rows) {
    list.push({
      target: `N=${row.n} ratio to bare Astro ≤ ${TARGETS.ratio}`,
      ...versus(row.ratio, TARGETS.ratio, finished(row), row.ratio.toFixed(2)),
    });
    list.push({
      target: `N=${row.n} one-edit rebuild ≤ ${TARGETS.oneEditSeconds} s`,
      ...versus(
        row.oneEditSeconds,
        TARGETS.oneEditSeconds,
        finished(row),
        `${row.oneEditSeconds.toFixed(1)} s`,
      ),
    });
  }
  list.push({
    target: `N=1000 cold ≤ ${TARGETS.scaling1000over100} × N=100 cold`,
    ...(big && small
      ? versus(
          big.coldSeconds / small.coldSeconds,
          TARGETS.scaling1000over100,
          finished(big) && finished(small),
          `${(big.coldSeconds / small.coldSeconds).toFixed(1)} ×`,
        )
      : notRun),
  });
  for (const row of rows) {
    list.push({
      target: `N=${row.n} cold ≤ ${TARGETS.ratioToBestTools} × the best tools' sum`,
      ...versus(
        row.ratioToBestTools,
        TARGETS.ratioToBestTools,
        finished(row),
        `${row.ratioToBestTools.toFixed(2)} × (${row.coldSeconds.toFixed(1)} s / ${row.bestToolsSeconds.toFixed(1)} s)`,
      ),
    });
    list.push({
      target: `N=${row.n} one-edit rebuild ≤ ${TARGETS.oneEditOverBare} × bare Astro cold`,
      ...versus(
        row.oneEditSeconds / row.bareSeconds,
        TARGETS.oneEditOverBare,
        finished(row),
        `${(row.oneEditSeconds / row.bareSeconds).toFixed(2)} ×`,
      ),
    });
  }
  for (const [n, limit] of [
    [2000, TARGETS.peakRssAt2000MB],
    [5000, TARGETS.peakRssAt5000MB],
  ] as const) {
    const row = at(n);
    if (row)
      list.push({
        target: `N=${n} peak RSS ≤ ${limit} MB`,
        ...versus(row.peakRssMB, limit, finished(row), `${Math.round(row.peakRssMB)} MB`),
      });
  }
  const huge = at(5000);
  if (huge)
    list.push({
      target: `N=5000 cold build ≤ ${TARGETS.coldAt5000Seconds} s`,
      ...versus(
        huge.coldSeconds,
        TARGETS.coldAt5000Seconds,
        finished(huge),
        `${huge.coldSeconds.toFixed(1)} s`,
      ),
    });
  for (const row of rows)
    if (row.failures.length > 0)
      list.push({
        target: `N=${row.n} builds succeed`,
        measured: row.failures.join("; "),
        met: false,
      });
  return list;
}

const work = join(tmpdir(), `casefile-bench-${process.pid}`);
// Builds run in a copy of the engine (a project root of its own; see copyEngine).
const engine = join(work, "engine");
copyEngine(engine);
/** Which engine was measured: the commit and whether the working tree had changes. */
function engineVersion(): string {
  const git = (...gitArgs: string[]) =>
    spawnSync("git", gitArgs, { cwd: projectRoot, encoding: "utf8" }).stdout.trim();
  return `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") === "" ? "" : " + uncommitted changes"}`;
}

/** Writes bench/results/build.json (after every size, so a long run leaves its rows so far). */
function writeResults(rows: BuildRow[], complete: boolean): Check[] {
  const results = checks(rows);
  mkdirSync(join(projectRoot, "bench/results"), { recursive: true });
  writeFileSync(
    join(projectRoot, "bench/results/build.json"),
    `${JSON.stringify({ date: new Date().toISOString(), command: `npm run bench${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`, complete, engine: engineVersion(), seed: SEED, node: process.version, cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), loadAverage: loadavg(), targets: TARGETS, rows, checks: results }, null, 2)}\n`,
  );
  return results;
}

const rows: BuildRow[] = [];
for (const n of sizes) {
  rows.push(await benchSize(n, work));
  writeResults(rows, false);
}
const results = writeResults(rows, true);
process.stdout.write(
  `\nCasefile build benchmark (seed ${SEED}, ${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(" ")})\n\n${table(rows)}\n\n`,
);
process.stdout.write(
  `Scale (peak RSS of the cold build's process tree; best tools = bare Astro + Pagefind CLI alone + zip -6 alone, measured in this run):\n\n${scaleTable(rows)}\n\nLargest site per runner (memory only):\n${runnerVerdicts(
    rows,
  )
    .map((line) => `- ${line}`)
    .join("\n")}\n\n`,
);
process.stdout.write(
  `Phases (seconds, from the build logs; the check runs beside Astro's start and bundling, the search index beside the dossiers and zip, after Astro):\n\n${phaseTable(rows)}\n\n`,
);
process.stdout.write(
  `CPU seconds (user + system), cold / bare / one-edit: ${rows.map((row) => `N=${row.n}: ${row.coldCpuSeconds.toFixed(1)} / ${row.bareCpuSeconds.toFixed(1)} / ${row.oneEditCpuSeconds.toFixed(1)}`).join("; ")}\n\n`,
);
for (const check of results)
  process.stdout.write(
    `${check.met === undefined ? "n/a   " : check.met ? "met   " : "MISSED"}  ${check.target}: ${check.measured}\n`,
  );
process.stdout.write(
  `\nwrote bench/results/build.json${keep || profile || rows.some((row) => row.failures.length > 0) ? `; kept ${work}` : ""}\n`,
);
// Logs of failed builds are worth keeping.
const failed = rows.some((row) => row.failures.length > 0);
if (!keep && !profile && !failed) rmSync(work, { recursive: true, force: true });
