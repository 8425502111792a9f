/**
 * The researchers' decisions, as the engine applies them: on a capture, the part that is the
 * source (one article of a compilation, or a line range), blocks kept although a rule hid them,
 * and blocks hidden with a reason; between sources, whether two articles are the same. Blocks are
 * named by the quoted start of their text, not by line numbers, so that a decision survives a new
 * capture of the page; a decision whose text is no longer found is an error, never ignored.
 */
import { CasefileErrors, type CasefileProblem } from "../errors.ts";
import type { BoilerplateLabel } from "./boilerplate.ts";
import { normalise } from "./normalise.ts";

/** The rule name under which every block the researchers hid is listed. */
const decidedRule = "decided-by-researchers";

/** How the report words every decision of the researchers. */
export const decidedWords = "decided by the researchers";

/** Where a decision was written, for errors: the sources file, its line and field, the source. */
export interface DecisionOrigin {
  /** The sources file (`data/incidents/<id>/sources.yaml`). */
  file: string;
  /** 1-based line of the decision, when known. */
  line?: number | undefined;
  /** Dotted field path (`sources[3].captures[0].keep[1]`). */
  field: string;
  /** Id of the source the decision is written under. */
  source: string;
}

/** A block named by the quoted start of its text, with the researchers' reason. */
export interface QuotedBlock {
  /** The quoted start of the block. */
  text: string;
  /** Why (required for a hidden block). */
  reason?: string | undefined;
  /** Where it was written. */
  origin: DecisionOrigin;
}

/** The part of a capture that is the source. */
export type Selection =
  | { article: number | string; reason?: string | undefined; origin: DecisionOrigin }
  | { lines: string; reason?: string | undefined; origin: DecisionOrigin };

/** The researchers' decisions on one capture. */
export interface CaptureDecisions {
  /** Capture path label (`data/archives/…`). */
  file: string;
  /** The part of the capture that is the source (default: all of it). */
  select?: Selection | undefined;
  /** Blocks kept although a rule hid them. */
  keep: QuotedBlock[];
  /** Blocks hidden, each with its reason. */
  hide: QuotedBlock[];
}

/** Two sources' captures whose articles are, or are not, one document. */
interface ArticlePair {
  /** Capture labels of the first source. */
  first: string[];
  /** Capture labels of the second source. */
  second: string[];
  /** True: the same article; false: not the same article. */
  same: boolean;
  /** The researchers' reason. */
  reason: string;
  /** Where it was written (under the first source). */
  origin: DecisionOrigin;
  /** Id of the second source. */
  other: string;
}

/** Every decision of the researchers the engine applies. */
export interface ArchiveDecisions {
  /** Decisions on captures, at most one entry per capture. */
  captures: CaptureDecisions[];
  /** Same and not-same articles. */
  pairs: ArticlePair[];
}

/** The comparison form of a quoted start or of a block's text. */
export function quotedKey(text: string): string {
  return normalise(text).replace(/^["'«“‘]+/, "");
}

/** The label of a block the researchers hid. */
export function hiddenLabel(reason: string): BoilerplateLabel {
  return { rule: decidedRule, reason: `${decidedWords}: ${reason}` };
}

/** The label of a block outside the part of its capture the researchers selected. */
export function unselectedLabel(selection: Selection): BoilerplateLabel {
  const part =
    "lines" in selection
      ? `lines ${selection.lines}`
      : typeof selection.article === "number"
        ? `article ${selection.article}`
        : `the article with "${selection.article}"`;
  const why = selection.reason ? `: ${selection.reason}` : "";
  return {
    rule: decidedRule,
    reason: `${decidedWords}: outside the part of the capture that is source "${selection.origin.source}" (${part})${why}`,
  };
}

/** What a kept block's ledger entry says: the reason, and the rule that had hidden it. */
export function keptNote(keep: QuotedBlock, overridden: string | undefined): string {
  const why = keep.reason ? `: ${keep.reason}` : "";
  const rule = overridden ? ` (rule ${overridden} had hidden it)` : " (no rule had hidden it)";
  return `kept, ${decidedWords}${why}${rule}`;
}

/** The lines `from-to` of a line selection. */
export function lineRange(lines: string): [number, number] {
  const [from, to] = lines.split("-").map(Number);
  return [from!, to!];
}

/** The error for a decision whose text, article or lines are not in its capture. */
export function staleDecision(origin: DecisionOrigin, message: string): CasefileProblem {
  return {
    file: origin.file,
    line: origin.line,
    field: origin.field,
    message: `${message} (decision of source "${origin.source}")`,
    hint: "the capture changed, or the quotation does not match: quote the start of the block as it reads now (the processing report shows every block's text), or remove the decision",
  };
}

/** Throws the problems found, if any. */
export function throwProblems(problems: readonly CasefileProblem[]): void {
  if (problems.length > 0) throw new CasefileErrors([...problems]);
}
