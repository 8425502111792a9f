/**
 * The NATO Admiralty system (AJP-2.1, STANAG 2511): a source's reliability (A–F) and the
 * credibility of its information (1–6) are judged separately and stay separate everywhere. A
 * reliable source can pass on doubtful information and an unreliable one can be right, so the two
 * are never merged into one score; "B2" is only notation for the pair.
 */
import { CasefileError } from "../errors.ts";
import type { Source } from "../../schemas/sources.ts";

/** What a grade means: a short label and one sentence for a legend or an accessible description. */
export interface GradeMeaning {
  /** Short label, as in the standard ("usually reliable"). */
  label: string;
  /** One sentence saying when the grade applies. */
  description: string;
}

/** The reliability scale, A (best) to E, and F for a source that cannot be judged. */
export const reliabilityScale = {
  A: {
    label: "completely reliable",
    description:
      "No doubt of the source's authenticity, trustworthiness or competence, and a history of complete reliability.",
  },
  B: {
    label: "usually reliable",
    description:
      "Minor doubt about the source's authenticity, trustworthiness or competence, and a history of valid information most of the time.",
  },
  C: {
    label: "fairly reliable",
    description:
      "Doubt about the source's authenticity, trustworthiness or competence, though it has provided valid information in the past.",
  },
  D: {
    label: "not usually reliable",
    description:
      "Significant doubt about the source's authenticity, trustworthiness or competence, though it has provided valid information in the past.",
  },
  E: {
    label: "unreliable",
    description:
      "The source lacks authenticity, trustworthiness and competence, and has a history of invalid information.",
  },
  F: {
    label: "reliability cannot be judged",
    description: "No basis exists for evaluating the reliability of the source.",
  },
} as const satisfies Record<NonNullable<Source["reliability"]>, GradeMeaning>;

/** The credibility scale, 1 (confirmed) to 5, and 6 for information whose truth cannot be judged. */
export const credibilityScale = {
  1: {
    label: "confirmed by other sources",
    description:
      "Confirmed by other independent sources, logical in itself and consistent with other information on the subject.",
  },
  2: {
    label: "probably true",
    description:
      "Not confirmed, but logical in itself and consistent with other information on the subject.",
  },
  3: {
    label: "possibly true",
    description:
      "Not confirmed, reasonably logical in itself, and agrees with some other information on the subject.",
  },
  4: {
    label: "doubtful",
    description:
      "Not confirmed, possible but not logical, and no other information on the subject supports it.",
  },
  5: {
    label: "improbable",
    description:
      "Not confirmed, not logical in itself, and contradicted by other information on the subject.",
  },
  6: {
    label: "truth cannot be judged",
    description: "No basis exists for evaluating the validity of the information.",
  },
} as const satisfies Record<NonNullable<Source["credibility"]>, GradeMeaning>;

/** A reliability grade, A–F. */
export type Reliability = keyof typeof reliabilityScale;

/** A credibility grade, 1–6. */
export type Credibility = keyof typeof credibilityScale;

/** Reliability grades in the standard's order, best first. */
export const reliabilityGrades = [
  "A",
  "B",
  "C",
  "D",
  "E",
  "F",
] as const satisfies readonly Reliability[];

/** Credibility grades in the standard's order, best first. */
export const credibilityGrades = [1, 2, 3, 4, 5, 6] as const satisfies readonly Credibility[];

/** What a cell shows when a source has no grade at all (neither its own nor its outlet's). */
export const notGraded = "not graded";

/** The pair of grades, kept as two separate values. */
export interface AdmiraltyGrade {
  /** Reliability of the source, A–F. */
  reliability: Reliability;
  /** Credibility of the information, 1–6. */
  credibility: Credibility;
}

/** Where a grade code was written, so that a bad one can be reported against its file. */
export interface GradeLocation {
  /** File the code came from. */
  file: string;
  /** Field the code came from. */
  field?: string | undefined;
}

/** The outcome of reading a grade code: the pair, or what is wrong with the code. */
export type GradeReading =
  { ok: true; grade: AdmiraltyGrade } | { ok: false; message: string; hint: string };

const GRADE_HINT = 'write a reliability letter A–F followed by a credibility digit 1–6, e.g. "B2"';

/** True for a reliability letter A–F. */
function isReliability(value: unknown): value is Reliability {
  return typeof value === "string" && Object.hasOwn(reliabilityScale, value);
}

/** True for a credibility grade 1–6. */
function isCredibility(value: unknown): value is Credibility {
  return typeof value === "number" && Object.hasOwn(credibilityScale, value);
}

/** Reads a combined code such as "B2" into its two grades, or says what is wrong; never throws. */
export function readGrade(code: string): GradeReading {
  const text = code.trim().toUpperCase();
  if (text.length === 0) return { ok: false, message: "empty grade code", hint: GRADE_HINT };
  const parts = /^([A-Z])(\d)$/.exec(text);
  if (parts === null) {
    return {
      ok: false,
      message: `"${code}" is not an Admiralty grade (expected a letter and a digit, e.g. "B2")`,
      hint: GRADE_HINT,
    };
  }
  const [, letter = "", digit = ""] = parts;
  const credibility = Number(digit);
  if (!isReliability(letter)) {
    return {
      ok: false,
      message: `"${code}": "${letter}" is not a reliability grade (expected A–F)`,
      hint: GRADE_HINT,
    };
  }
  if (!isCredibility(credibility)) {
    return {
      ok: false,
      message: `"${code}": "${digit}" is not a credibility grade (expected 1–6)`,
      hint: GRADE_HINT,
    };
  }
  return { ok: true, grade: { reliability: letter, credibility } };
}

/** Splits a combined code such as "B2" into its two grades; throws a CasefileError on bad input. */
export function parseGrade(
  code: string,
  at: GradeLocation = { file: "(grade code)" },
): AdmiraltyGrade {
  const reading = readGrade(code);
  if (!reading.ok)
    throw new CasefileError({
      file: at.file,
      field: at.field,
      message: reading.message,
      hint: reading.hint,
    });
  return reading.grade;
}

/** The combined notation of a pair ("B2"), for display next to the two separate labels. */
export function gradeCode(grade: AdmiraltyGrade): string {
  return `${grade.reliability}${grade.credibility}`;
}

/**
 * The best judged reliability among some grades. F means "cannot be judged", not "worse than E",
 * so it wins only when nothing else was judged; undefined (not graded) never wins.
 */
export function bestReliability(
  grades: Iterable<Reliability | undefined>,
): Reliability | undefined {
  let best: Reliability | undefined;
  const rank = (grade: Reliability | undefined) =>
    grade === undefined ? reliabilityGrades.length : reliabilityGrades.indexOf(grade);
  for (const grade of grades) if (rank(grade) < rank(best)) best = grade;
  return best;
}
