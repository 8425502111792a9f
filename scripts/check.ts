/**
 * `npm run check`: validates content and data without building pages, and reports every problem
 * at once, one paragraph each. Exit 1 if any. `DEBUG=casefile` adds stacks for internal errors.
 */
import { pathToFileURL } from "node:url";
import { formatProblem, isCasefileError, problemsOf, type CasefileProblem } from "../src/lib/errors.ts";
import { loadSiteData } from "../src/lib/content/load.ts";
import { siteRoot } from "../src/site-root.ts";

/** Checks the site at `root`; returns the problems (errors) and warnings found. */
export function checkSite(root: string): { errors: CasefileProblem[]; warnings: CasefileProblem[] } {
  try {
    const site = loadSiteData(root);
    return { errors: [], warnings: site.warnings };
  } catch (error) {
    if (isCasefileError(error)) return { errors: problemsOf(error), warnings: [] };
    throw error;
  }
}

/** Prints problems to stderr, one paragraph each, and says how many. */
export function report({ errors, warnings }: { errors: CasefileProblem[]; warnings: CasefileProblem[] }): void {
  for (const warning of warnings) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  for (const error of errors) process.stderr.write(`error: ${formatProblem(error)}\n`);
  if (errors.length > 0) process.stderr.write(`\n${errors.length} error${errors.length === 1 ? "" : "s"}: nothing was built.\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  const result = checkSite(siteRoot());
  report(result);
  if (result.errors.length === 0) {
    process.stdout.write(`casefile check: content and data are valid (${Math.round(performance.now() - started)} ms)\n`);
  }
  process.exitCode = result.errors.length > 0 ? 1 : 0;
}
