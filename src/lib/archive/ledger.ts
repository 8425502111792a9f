/**
 * The ledger: nothing a researcher collected is silently lost. Every non-blank input line gets
 * exactly one entry — kept as a paragraph, recorded as a duplicate of one, or labelled as
 * boilerplate by a named rule — and `verifyLedger` checks that against the raw input.
 */
import { decode, isBlank, splitLines } from "./decode.ts";
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
    const paragraph = label ? "" : result.paragraphIds.get(result.shownAs[p]!)!;
    for (let line = block.startLine; line <= block.endLine; line++) {
      let entry: LedgerEntry;
      if (label) {
        entry = {
          file: block.file,
          line,
          status: "boilerplate",
          rule: label.rule,
          reason: label.reason,
        };
      } else if (result.kept[p] === 1) {
        entry = { file: block.file, line, status: "kept", paragraph };
      } else {
        const reason = result.variant[p] === 1 ? EDITED : SAME;
        entry = { file: block.file, line, status: "duplicate", duplicateOf: paragraph, reason };
      }
      if (document !== undefined) entry.document = document;
      ledger.push(entry);
    }
  }
  return ledger;
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
  for (const entry of archive.ledger) {
    const marks = expected.get(entry.file);
    const where = `${entry.file}:${entry.line}`;
    if (!marks) problems.push(`${where} is not an input file`);
    else if (marks[entry.line] === 1) marks[entry.line] = 2;
    else if (marks[entry.line] === 2) problems.push(`${where} is accounted for twice`);
    else problems.push(`${where} is blank or out of range`);
    const id =
      entry.status === "kept"
        ? entry.paragraph
        : entry.status === "duplicate"
          ? entry.duplicateOf
          : entry.rule;
    if (!id) problems.push(`${where} (${entry.status}) names no paragraph or rule`);
    else if (entry.status !== "boilerplate" && !paragraphs.has(id))
      problems.push(`${where} names unknown paragraph ${id}`);
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
