/**
 * `npm run check`: validates content and data (schemas, references, capture decoding, reliability
 * lints) without building pages, and reports every problem at once, one paragraph each. Exit 1 on
 * errors; lints are warnings unless `--strict`. `DEBUG=casefile` adds stacks of internal errors.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { processArchive } from "../src/lib/content/archive-cache.ts";
import { checkCaptures } from "../src/lib/content/captures.ts";
import { checkDataFiles } from "../src/lib/content/data-files.ts";
import { loadSiteData, sitePaths } from "../src/lib/content/load.ts";
import type { SiteData } from "../src/lib/content/site-data.ts";
import { buildDossier } from "../src/lib/dossier/dossier.ts";
import {
  formatProblem,
  isCasefileError,
  problemsOf,
  type CasefileProblem,
} from "../src/lib/errors.ts";
import { siteRoot } from "../src/site-root.ts";

/** Problems found in a site: errors stop the build, warnings do not. */
export interface CheckResult {
  /** Problems that stop the build. */
  errors: CasefileProblem[];
  /** Problems reported but not fatal. */
  warnings: CasefileProblem[];
}

/** Ids of the incidents written under content/incidents/ (valid or not). */
function incidentIds(root: string): string[] {
  const folder = join(root, sitePaths.incidents);
  return existsSync(folder)
    ? readdirSync(folder).flatMap((name) => /^(.+)\.mdx?$/.exec(name)?.slice(1, 2) ?? [])
    : [];
}

/** Checks the site at `root`; with `strict`, reliability lints are errors. */
export function checkSite(root: string, options: { strict?: boolean } = {}): CheckResult {
  try {
    // Content, captures and chart data are checked independently, so that every problem shows at once.
    let site: SiteData | undefined;
    const errors: CasefileProblem[] = [];
    try {
      site = loadSiteData(root);
    } catch (error) {
      if (!isCasefileError(error)) throw error;
      errors.push(...problemsOf(error));
    }
    errors.push(...checkCaptures(root), ...checkDataFiles(root, incidentIds(root)));
    const data = site;
    if (!data || errors.length > 0) return { errors, warnings: [] };
    const { archive } = processArchive(root);
    const lints = data.incidents.flatMap(
      (incident) => buildDossier(data, incident, archive).assessment.lints,
    );
    const warnings = [...data.warnings, ...archive.warnings];
    return options.strict
      ? { errors: lints, warnings }
      : { errors: [], warnings: [...warnings, ...lints] };
  } catch (error) {
    if (isCasefileError(error)) return { errors: problemsOf(error), warnings: [] };
    throw error;
  }
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
  const strict = process.argv.includes("--strict") || process.env["CASEFILE_STRICT"] === "1";
  const result = checkSite(siteRoot(), { strict });
  report(result);
  if (result.errors.length === 0) {
    process.stdout.write(
      `casefile check: content and data are valid, ${result.warnings.length} warning${result.warnings.length === 1 ? "" : "s"} (${Math.round(performance.now() - started)} ms)\n`,
    );
  }
  process.exitCode = result.errors.length > 0 ? 1 : 0;
}
