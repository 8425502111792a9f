import { formatProblem, internalProblem, isCasefileError, problemsOf } from "../lib/errors.ts";
import { recordProblems } from "./problems.ts";

/**
 * Runs a render step on `file` (site-relative: the write-up or data the step reads). An author
 * error is recorded as data for the integration to report as one paragraph each
 * (src/integration/log.ts), and rethrown with those paragraphs as its message, which the dev
 * server's error overlay shows. An internal error (a bug, or a library failing on what the author
 * gave it) is reported the same way, as `internalProblem` naming the file: no stack trace unless
 * `DEBUG=casefile`, which lets Astro's own report through.
 */
export function authorErrors<T>(step: () => T, file: string): T {
  try {
    return step();
  } catch (error) {
    const problems = isCasefileError(error) ? problemsOf(error) : [internalProblem(error, file)];
    recordProblems(problems);
    throw new Error(problems.map(formatProblem).join("\n"), { cause: error });
  }
}
