/**
 * The ledger: nothing a researcher collected is silently lost. Every non-blank input line gets
 * exactly one entry — kept as a paragraph, recorded as a duplicate of one, or labelled as
 * boilerplate by a named rule — and `verifyLedger` checks that against the raw input.
 */
import { decode, isBlank, splitLines } from "./decode.ts";
import type { BoilerplateLabel } from "./boilerplate.ts";
import type { DocumentResult, Piece } from "./documents.ts";
import type { Archive, CaptureInput, LedgerEntry } from "./types.ts";

/** Writes one ledger entry per line of every piece, in input order. */
export function buildLedger(pieces: readonly Piece[], result: DocumentResult): LedgerEntry[] {
  const ledger: LedgerEntry[] = [];
  const docIds = result.documents.map((document) => document.id);
  for (let p = 0; p < pieces.length; p++) {
    const block = pieces[p]!;
    const label = block.label;
    const d = result.documentOf[p]!;
    const document = d >= 0 ? docIds[d] : undefined;
    const paragraph = label ? "" : result.paragraphIds[result.shownAs[p]!]!;
    for (let line = block.startLine; line <= block.endLine; line++) {
      if (label) ledger.push(boilerplateEntry(block.file, line, label, document));
      else if (result.kept[p] === 1) ledger.push(keptEntry(block.file, line, paragraph, document));
      else {
        const reason = result.variant[p] === 1 ? EDITED : SAME;
        ledger.push(duplicateEntry(block.file, line, paragraph, reason, document));
      }
    }
  }
  return ledger;
}

// Each entry is one object literal with all its fields (a field added later would give every
// entry a second, out-of-object store); `document` stays last, as the JSON has always had it.

/** A boilerplate line's entry. */
function boilerplateEntry(
  file: string,
  line: number,
  label: BoilerplateLabel,
  document: string | undefined,
): LedgerEntry {
  return document === undefined
    ? { file, line, status: "boilerplate", rule: label.rule, reason: label.reason }
    : { file, line, status: "boilerplate", rule: label.rule, reason: label.reason, document };
}

/** A kept line's entry. */
function keptEntry(
  file: string,
  line: number,
  paragraph: string,
  document: string | undefined,
): LedgerEntry {
  return document === undefined
    ? { file, line, status: "kept", paragraph }
    : { file, line, status: "kept", paragraph, document };
}

/** A duplicate line's entry. */
function duplicateEntry(
  file: string,
  line: number,
  duplicateOf: string,
  reason: string,
  document: string | undefined,
): LedgerEntry {
  return document === undefined
    ? { file, line, status: "duplicate", duplicateOf, reason }
    : { file, line, status: "duplicate", duplicateOf, reason, document };
}

const EDITED = "edited version of the paragraph";
const SAME = "same text as the paragraph";

/** Marks the non-blank lines of a capture: marks[line] = 1 for each non-blank 1-based line. */
export function nonBlankLines(lines: readonly string[]): Uint8Array {
  const marks = new Uint8Array(lines.length + 1);
  for (let i = 0; i < lines.length; i++) if (!isBlank(lines[i]!)) marks[i + 1] = 1;
  return marks;
}

/** Throws unless every non-blank input line has exactly one ledger entry and every id resolves. */
export function verifyLedger(
  inputs: readonly CaptureInput[],
  archive: Pick<Archive, "ledger" | "documents">,
): void {
  const expected = new Map<string, Uint8Array>();
  for (const input of inputs)
    expected.set(input.file, nonBlankLines(splitLines(decode(input.file, input.bytes).text)));
  checkLedger(expected, archive);
}

/**
 * The ledger check against line marks made from the raw text (see `nonBlankLines`); consumes the
 * marks. `processCaptures` calls this with the lines it decoded, `verifyLedger` decodes afresh.
 */
export function checkLedger(
  expected: Map<string, Uint8Array>,
  archive: Pick<Archive, "ledger" | "documents">,
): void {
  const paragraphs = new Set<string>();
  for (const document of archive.documents) {
    for (const paragraph of document.paragraphs) paragraphs.add(paragraph.id);
    for (const copy of document.copies)
      for (const paragraph of copy.front) paragraphs.add(paragraph.id);
  }
  const problems: string[] = [];
  // Entries come grouped by file: look each file's marks up once per run.
  let file: string | undefined;
  let marks: Uint8Array | undefined;
  for (const entry of archive.ledger) {
    if (entry.file !== file) {
      file = entry.file;
      marks = expected.get(file);
    }
    if (!marks) problems.push(`${entry.file}:${entry.line} is not an input file`);
    else if (marks[entry.line] === 1) marks[entry.line] = 2;
    else if (marks[entry.line] === 2)
      problems.push(`${entry.file}:${entry.line} is accounted for twice`);
    else problems.push(`${entry.file}:${entry.line} is blank or out of range`);
    const id =
      entry.status === "kept"
        ? entry.paragraph
        : entry.status === "duplicate"
          ? entry.duplicateOf
          : entry.rule;
    if (!id)
      problems.push(`${entry.file}:${entry.line} (${entry.status}) names no paragraph or rule`);
    else if (entry.status !== "boilerplate" && !paragraphs.has(id))
      problems.push(`${entry.file}:${entry.line} names unknown paragraph ${id}`);
    if (problems.length >= 10) break;
  }
  for (const [file, marks] of expected) {
    marks.forEach((mark, line) => {
      if (mark === 1 && problems.length < 10)
        problems.push(`${file}:${line} is missing from the ledger`);
    });
  }
  if (problems.length > 0)
    throw new Error(
      `Archive ledger is broken (a line was lost or doubled):\n${problems.join("\n")}`,
    );
}
