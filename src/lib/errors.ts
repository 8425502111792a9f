/**
 * One error type for everything an author can get wrong. The build prints it as one paragraph
 * (`file:line: field: message (hint)`) and exits non-zero; `DEBUG=casefile` adds the stack.
 */

/** Where and what went wrong in an author's input, with a hint on how to fix it. */
export interface CasefileProblem {
  /** Path of the offending file, relative to the site root (e.g. `data/outlets.yaml`). */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number | undefined;
  /** Dotted path of the offending field (e.g. `sources[2].outlet`), when known. */
  field?: string | undefined;
  /** What is wrong, in the author's terms. */
  message: string;
  /** How to fix it. */
  hint?: string | undefined;
}

/** An author-facing error: carries file, line or field, message and hint. */
export class CasefileError extends Error {
  /** Path of the offending file, relative to the site root. */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line: number | undefined;
  /** Dotted field path, when known. */
  readonly field: string | undefined;
  /** How to fix it. */
  readonly hint: string | undefined;
  /** The bare message, without location or hint. */
  readonly detail: string;

  constructor(problem: CasefileProblem) {
    super(formatProblem(problem));
    this.name = "CasefileError";
    this.file = problem.file;
    this.line = problem.line;
    this.field = problem.field;
    this.hint = problem.hint;
    this.detail = problem.message;
  }

  /** The problem as plain data. */
  toProblem(): CasefileProblem {
    return {
      file: this.file,
      line: this.line,
      field: this.field,
      message: this.detail,
      hint: this.hint,
    };
  }
}

/** Several author errors found in one pass, reported together. */
export class CasefileErrors extends Error {
  /** Every problem found, in input order. */
  readonly problems: CasefileProblem[];

  constructor(problems: CasefileProblem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "CasefileErrors";
    this.problems = problems;
  }
}

/** Formats a problem as the one-paragraph line the build prints. */
export function formatProblem(problem: CasefileProblem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const field = problem.field ? ` ${problem.field}:` : "";
  const hint = problem.hint ? ` Hint: ${problem.hint}` : "";
  return `${where}:${field} ${problem.message}.${hint}`.replace(/\.\.( Hint|$)/, ".$1");
}

/** True for the errors that carry author-facing problems. */
export function isCasefileError(error: unknown): error is CasefileError | CasefileErrors {
  return error instanceof CasefileError || error instanceof CasefileErrors;
}

/** The problems carried by an author-facing error. */
export function problemsOf(error: CasefileError | CasefileErrors): CasefileProblem[] {
  return error instanceof CasefileErrors ? error.problems : [error.toProblem()];
}

/** The file each internal error was thrown in, marked while it unwinds through `inFile`. */
const filesOfErrors = new WeakMap<object, string>();

/**
 * Runs a step on one file (site-relative). An internal error it throws (a bug, not an author
 * error) is marked with the file, the innermost one, for the top of the command to report with
 * `internalProblem`; the error itself goes on unchanged.
 */
export function inFile<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (typeof error === "object" && error !== null && !filesOfErrors.has(error))
      filesOfErrors.set(error, file);
    throw error;
  }
}

/**
 * An internal error as an author problem: it names the file being processed when it was thrown
 * (`inFile`), else `fallback`, since the file is what an author can look at and work around.
 * One line, without the error's name or stack (`DEBUG=casefile` shows the stack).
 */
export function internalProblem(error: unknown, fallback: string): CasefileProblem {
  const file =
    (typeof error === "object" && error !== null ? filesOfErrors.get(error) : undefined) ??
    fallback;
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
  return {
    file,
    message: `Casefile could not process this (${detail.trim()})`,
    hint: "if nothing is wrong with it, this is a bug in Casefile: please report it with this paragraph (DEBUG=casefile adds the stack)",
  };
}
