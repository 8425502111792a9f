import { isCasefileError, markedMessage, problemsOf } from "./lib/errors.ts";

/**
 * Runs a render step; an author error is rethrown with its problems marked in the message, so
 * that `npm run build` can print them as one paragraph each instead of Astro's stack trace.
 */
export function authorErrors<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (isCasefileError(error)) throw new Error(markedMessage(problemsOf(error)), { cause: error });
    throw error;
  }
}
