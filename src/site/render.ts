import { formatProblem, isCasefileError, problemsOf } from "../lib/errors.ts";
import { recordProblems } from "./problems.ts";

/**
 * Runs a render step. An author error is recorded as data for the integration to report as one
 * paragraph each (src/integration/log.ts), and rethrown with those paragraphs as its message, which
 * the dev server's error overlay shows.
 */
export function authorErrors<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!isCasefileError(error)) throw error;
    const problems = problemsOf(error);
    recordProblems(problems);
    throw new Error(problems.map(formatProblem).join("\n"), { cause: error });
  }
}
