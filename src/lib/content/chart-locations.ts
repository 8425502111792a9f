/**
 * Lines for problems about a chart that the page found while rendering a write-up: the chart is
 * named by its caption, which is looked up in the write-up's text.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { CasefileProblem } from "../errors.ts";

/** 1-based line of the first line of a file containing `needle`, if any. */
function lineOf(root: string, file: string, needle: string): number | undefined {
  const index = readFileSync(join(root, file), "utf8")
    .split(/\r?\n/)
    .findIndex((line) => line.includes(needle));
  return index < 0 ? undefined : index + 1;
}

/**
 * Adds the line to problems about a chart in a write-up (`chart "caption"`), found by its caption,
 * so that the author is sent to the right `<Chart>`.
 */
export function locateCharts(
  problems: readonly CasefileProblem[],
  root: string,
): CasefileProblem[] {
  return problems.map((problem) => {
    if (
      problem.line !== undefined ||
      !/\.mdx?$/.test(problem.file) ||
      !existsSync(join(root, problem.file))
    )
      return problem;
    const label = /\b[Cc]hart "([^"]+)"/
      .exec(`${problem.field ?? ""} ${problem.message}`)?.[1]
      ?.replace(/…$/, "");
    const line = label ? lineOf(root, problem.file, label) : undefined;
    return line === undefined ? problem : { ...problem, line };
  });
}
