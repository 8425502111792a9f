import { locateCharts } from "../lib/content/chart-locations.ts";
import { formatProblem, type CasefileProblem } from "../lib/errors.ts";

/**
 * Stops the build over author problems: one paragraph each on stderr (chart problems sent to the
 * chart's line in the write-up), how many, and exit code 1. No stack trace: the problems are the
 * whole message.
 */
export function stopBuild(problems: readonly CasefileProblem[], root: string): never {
  const located = locateCharts(problems, root);
  for (const problem of located) process.stderr.write(`error: ${formatProblem(problem)}\n`);
  process.stderr.write(
    `\n${located.length} error${located.length === 1 ? "" : "s"}: the build stopped.\n`,
  );
  process.exit(1);
}
