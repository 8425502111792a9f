/**
 * `npm run check`: validates content and data (schemas, references, the write-ups' MDX, capture
 * decoding, reliability lints) without building pages, and reports every problem at once, one
 * paragraph each. Exit 1 on errors; lints are warnings unless `--strict`. `DEBUG=casefile` adds
 * stacks of internal errors.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { processArchive } from "../src/lib/content/archive-cache.ts";
import {
  archiveCache,
  archiveKey,
  digestCaptures,
  type ArchiveReader,
} from "../src/lib/content/archive-store.ts";
import { claimEntry } from "../src/lib/content/disk-cache.ts";
import { checkCaptures, maxCaptureBytes } from "../src/lib/content/captures.ts";
import { checkDataFiles } from "../src/lib/content/data-files.ts";
import { loadSiteData, sitePaths } from "../src/lib/content/load.ts";
import type { SiteData } from "../src/lib/content/site-data.ts";
import { cachedWriteUpCheck } from "../src/lib/content/write-up-cache.ts";
import { checkWriteUp } from "../src/lib/content/write-ups.ts";
import { buildChartCache, rendererVersion, type ChartCache } from "../src/lib/charts/index.ts";
import { dossierCharts } from "../src/lib/dossier/dossier-charts.ts";
import { buildDossier } from "../src/lib/dossier/dossier.ts";
import { incidentCaptures } from "../src/lib/dossier/evidence.ts";
import {
  formatProblem,
  inFile,
  internalProblem,
  isCasefileError,
  problemsOf,
  type CasefileProblem,
} from "../src/lib/errors.ts";
import { readSettings, samplesFolder } from "../src/site/settings.ts";

/** Problems found in a site: errors stop the build, warnings do not. */
export interface CheckResult {
  /** Problems that stop the build. */
  errors: CasefileProblem[];
  /** Problems reported but not fatal. */
  warnings: CasefileProblem[];
}

/** Ids of the incidents written under content/incidents/ (valid or not), each once. */
function incidentIds(root: string): string[] {
  const folder = join(root, sitePaths.incidents);
  return existsSync(folder)
    ? [
        ...new Set(
          readdirSync(folder).flatMap((name) => /^(.+)\.mdx?$/.exec(name)?.slice(1, 2) ?? []),
        ),
      ]
    : [];
}

/** The problems of every write-up's body: MDX (`.mdx`), or the links of Markdown (`.md`). */
function writeUpProblems(
  root: string,
  check: (file: string, text: string) => CasefileProblem[],
): CasefileProblem[] {
  const folder = join(root, sitePaths.incidents);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.mdx?$/.test(name))
    .sort()
    .flatMap((name) => {
      const file = `${sitePaths.incidents}/${name}`;
      return inFile(file, () => check(file, readFileSync(join(root, file), "utf8")));
    });
}

/**
 * The site's captures, checked and processed, each read once. Claimed for this process first: the
 * build beside this check waits for its archive rather than process the captures too. Processed
 * at once unless a capture is too large to try; when that fails (or is not tried), every
 * unreadable capture is listed by `checkCaptures`, not only the engine's first. (A function of its own, so that the captures'
 * bytes can be collected as soon as it returns.)
 */
function archiveChecked(root: string): {
  archive: ArchiveReader | undefined;
  captureErrors: CasefileProblem[];
} {
  const captures = digestCaptures(root);
  const release = claimEntry(archiveCache(root), archiveKey(captures.digest));
  let archive: ArchiveReader | undefined;
  let archiveErrors: CasefileProblem[] = [];
  try {
    if (captures.inputs.every(({ bytes }) => bytes.byteLength <= maxCaptureBytes))
      archive = inFile(sitePaths.archives, () => processArchive(root, undefined, captures).archive);
  } catch (error) {
    if (!isCasefileError(error)) throw error;
    archiveErrors = problemsOf(error);
  } finally {
    release();
  }
  // An archive made (or cached for these very bytes) read every capture: checking them again
  // would read each a second time. Without one, every unreadable capture is listed.
  if (archive) return { archive, captureErrors: [] };
  const unreadable = checkCaptures(root, captures.inputs);
  return { archive, captureErrors: unreadable.length > 0 ? unreadable : archiveErrors };
}

/**
 * Checks the site at `root`; with `strict`, reliability lints are errors. With `charts`, it also
 * draws each valid incident's automatic charts into that cache: `npm run build` runs the check
 * beside Astro, which then finds them drawn. With `writeUps`, write-ups are checked through it
 * (a cache, `cachedWriteUpCheck`). An internal error (a bug) ends the check as one error naming
 * the file being processed; with `debug`, its stack is printed too.
 */
export function checkSite(
  root: string,
  options: {
    strict?: boolean;
    charts?: ChartCache | undefined;
    writeUps?: ((file: string, text: string) => CasefileProblem[]) | undefined;
    debug?: boolean;
  } = {},
): CheckResult {
  try {
    const { archive, captureErrors } = archiveChecked(root);
    // Content, captures and chart data are checked independently, so that every problem shows at once.
    let site: SiteData | undefined;
    const errors: CasefileProblem[] = [];
    try {
      site = loadSiteData(root);
    } catch (error) {
      if (!isCasefileError(error)) throw error;
      errors.push(...problemsOf(error));
    }
    errors.push(
      ...writeUpProblems(root, options.writeUps ?? checkWriteUp),
      ...captureErrors,
      ...checkDataFiles(root, incidentIds(root)),
    );
    const data = site;
    if (!data || !archive || errors.length > 0) return { errors, warnings: [] };
    // Drawing charts leaves garbage V8 lets grow by about 1 GB over 1,000 incidents, while Astro
    // beside us is at its largest; collected whenever it passes 256 MB, when the build exposes
    // the collector (`--expose-gc`), the check stays near its live size (N = 1000: 2.7 → 1.9 GB).
    // Rebuilds, whose charts are cached, make little garbage and are rarely held up by it.
    const collect = options.charts && (globalThis as { gc?: () => void }).gc;
    let live = process.memoryUsage().heapUsed;
    const lints = data.incidents.flatMap((incident) => {
      if (collect && process.memoryUsage().heapUsed > live + 256 * 2 ** 20) {
        collect();
        live = process.memoryUsage().heapUsed;
      }
      const sources = data.sources.get(incident.id)?.sources ?? [];
      const dossier = inFile(incident.file, () =>
        buildDossier(data, incident, archive.part(incidentCaptures(sources))),
      );
      if (options.charts) {
        try {
          dossierCharts(dossier, options.charts);
        } catch {
          // The page reports a chart's problem where it is drawn; warming up is only a head start.
        }
      }
      return dossier.assessment.lints;
    });
    const warnings = [...data.warnings, ...archive.warnings];
    return options.strict
      ? { errors: lints, warnings }
      : { errors: [], warnings: [...warnings, ...lints] };
  } catch (error) {
    if (isCasefileError(error)) return { errors: problemsOf(error), warnings: [] };
    if (options.debug) process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    return { errors: [internalProblem(error, "content/ and data/")], warnings: [] };
  }
}

/** The problems of the sample site, their files named from the project (`samples/data/…`). */
function inSamples({ errors, warnings }: CheckResult): CheckResult {
  const moved = <Problem extends CasefileProblem>(problem: Problem) => ({
    ...problem,
    file: `${samplesFolder}/${problem.file}`,
  });
  return { errors: errors.map(moved), warnings: warnings.map(moved) };
}

/** Prints problems to stderr, one paragraph each, and says how many. */
export function report({ errors, warnings }: CheckResult): void {
  const label = (kind: string, problem: CasefileProblem & { rule?: string }) =>
    problem.rule ? `${kind} (${problem.rule})` : kind;
  for (const warning of warnings)
    process.stderr.write(`${label("warning", warning)}: ${formatProblem(warning)}\n`);
  for (const error of errors)
    process.stderr.write(`${label("error", error)}: ${formatProblem(error)}\n`);
  if (errors.length > 0)
    process.stderr.write(
      `\n${errors.length} error${errors.length === 1 ? "" : "s"}: nothing was built.\n`,
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  let result: CheckResult;
  let debug = false;
  let shown = (result: CheckResult) => result;
  try {
    const settings = readSettings();
    debug = settings.debug;
    // The sample site's files are under samples/ as seen from the folder the command runs in.
    if (settings.samples) shown = inSamples;
    // `--warm-charts` (given by the build): draw the automatic charts for the build beside us.
    const charts = process.argv.includes("--warm-charts")
      ? buildChartCache(settings.cacheDir, rendererVersion(settings.project))
      : undefined;
    const writeUps = cachedWriteUpCheck(join(settings.cacheDir, "casefile"), settings.project);
    result = checkSite(settings.root, { strict: settings.strict, charts, writeUps, debug });
  } catch (error) {
    // Settings (a bad SITE_URL) and the caches, before any file is read.
    if (debug) process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
    const errors = isCasefileError(error)
      ? problemsOf(error)
      : [internalProblem(error, "scripts/check.ts")];
    result = { errors, warnings: [] };
  }
  report(shown(result));
  if (result.errors.length === 0) {
    process.stdout.write(
      `casefile check: content and data are valid, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"} (${Math.round(performance.now() - started)} ms)\n`,
    );
  }
  process.exitCode = result.errors.length > 0 ? 1 : 0;
}
