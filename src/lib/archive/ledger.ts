/**
 * The ledger: nothing a researcher collected is silently lost. Every non-blank text block of the
 * input (a line, for a text capture; see `formats/`) gets exactly one entry, cited by its line —
 * kept as a paragraph, recorded as a duplicate of one, or labelled as boilerplate by a named rule
 * — and `verifyLedger` checks that against the raw input.
 */
import { extractCapture } from "./formats/index.ts";
import { isBlank } from "./lines.ts";
import type { BoilerplateLabel } from "./boilerplate.ts";
import type { DocumentResult, Piece } from "./documents.ts";
import type { Archive, CaptureInput, LedgerEntry } from "./types.ts";

/** Writes one ledger entry per text block (line) of every piece, in input order. */
export function buildLedger(pieces: readonly Piece[], result: DocumentResult): LedgerEntry[] {
  const ledger: LedgerEntry[] = [];
  const docIds = result.documents.map((document) => document.id);
  for (let p = 0; p < pieces.length; p++) {
    const block = pieces[p]!;
    const label = block.label;
    const d = result.documentOf[p]!;
    const document = d >= 0 ? docIds[d] : undefined;
    const paragraph = label ? "" : result.paragraphIds[result.shownAs[p]!]!;
    const kept = !label && result.kept[p] === 1;
    // A hard-wrapped block's lines are joined with "\n": each line's entry carries its own.
    const texts = kept ? [] : lineTexts(block);
    for (let line = block.startLine; line <= block.endLine; line++) {
      const text = texts[line - block.startLine] ?? "";
      if (label) ledger.push(boilerplateEntry(block.file, line, label, document, text));
      else if (kept) ledger.push(keptEntry(block.file, line, paragraph, document, block.decided));
      else {
        const reason = result.variant[p] === 1 ? EDITED : SAME;
        ledger.push(duplicateEntry(block.file, line, paragraph, reason, document, text));
      }
    }
  }
  return ledger;
}

/** The text of each line of a piece (its whole text on the first line if they cannot be told apart). */
function lineTexts(piece: Piece): string[] {
  if (piece.startLine === piece.endLine) return [piece.text];
  const lines = piece.text.split("\n");
  return lines.length === piece.endLine - piece.startLine + 1 ? lines : [piece.text];
}

// Each entry is one object literal with all its fields (a field added later would give every
// entry a second, out-of-object store); `document` stays before the text, as the JSON has had it.

/** A boilerplate line's entry. */
function boilerplateEntry(
  file: string,
  line: number,
  label: BoilerplateLabel,
  document: string | undefined,
  text: string,
): LedgerEntry {
  return document === undefined
    ? { file, line, status: "boilerplate", rule: label.rule, reason: label.reason, text }
    : { file, line, status: "boilerplate", rule: label.rule, reason: label.reason, document, text };
}

/** A kept line's entry (with the researchers' note when they kept it against a rule). */
function keptEntry(
  file: string,
  line: number,
  paragraph: string,
  document: string | undefined,
  decided: string | undefined,
): LedgerEntry {
  if (decided !== undefined)
    return document === undefined
      ? { file, line, status: "kept", paragraph, decided }
      : { file, line, status: "kept", paragraph, document, decided };
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
  text: string,
): LedgerEntry {
  return document === undefined
    ? { file, line, status: "duplicate", duplicateOf, reason, text }
    : { file, line, status: "duplicate", duplicateOf, reason, document, text };
}

const EDITED = "edited version of the paragraph";
const SAME = "same text as the paragraph";

/**
 * Marks the non-blank text blocks of a capture, given each block's 1-based line (increasing) and
 * text: marks[line] = 1 for each non-blank block.
 */
export function blockMarks(lines: Int32Array, texts: readonly string[]): Uint8Array {
  const marks = new Uint8Array(lines.length === 0 ? 1 : lines[lines.length - 1]! + 1);
  for (let i = 0; i < texts.length; i++) if (!isBlank(texts[i]!)) marks[lines[i]!] = 1;
  return marks;
}

/**
 * Throws unless every non-blank text block of the input has exactly one ledger entry and every
 * id resolves.
 */
export function verifyLedger(
  inputs: readonly CaptureInput[],
  archive: Pick<Archive, "ledger" | "documents">,
): void {
  const expected = new Map<string, Uint8Array>();
  for (const input of inputs) {
    const { text, blocks } = extractCapture(input);
    const lines = Int32Array.from(blocks, (block) => block.line);
    const texts = blocks.map((block) => text.slice(block.from, block.to));
    expected.set(input.file, blockMarks(lines, texts));
  }
  checkLedger(expected, archive);
}

/**
 * The ledger check against block marks made from the raw text (see `blockMarks`); consumes the
 * marks. `processCaptures` calls this with the blocks it read, `verifyLedger` reads afresh.
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
      `Archive ledger is broken (a text block was lost or doubled):\n${problems.join("\n")}`,
    );
}
