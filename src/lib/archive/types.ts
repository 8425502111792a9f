/**
 * The archive's data model: what the engine hands to the site. Plain JSON-safe data.
 */
import type { CasefileProblem } from "../errors.ts";
import type { CaptureEncoding } from "./formats/encoding.ts";
import type { MinHashOptions } from "./fingerprint.ts";
import type { ClusterOptions } from "./cluster.ts";
import type { ParagraphRole } from "./roles.ts";
import type { ArchiveDecisions } from "./decisions.ts";

/** One capture file to process. */
export interface CaptureInput {
  /** Path label as given (e.g. `data/archives/x/y.txt`); used verbatim in the output. */
  file: string;
  /** The file's raw bytes. */
  bytes: Uint8Array;
}

/** Tuning knobs; the defaults suit real captures and the benchmark corpus. */
export interface ArchiveOptions {
  /** MinHash/LSH settings for near-duplicate paragraphs. */
  minHash?: Partial<MinHashOptions>;
  /** Article clustering thresholds. */
  cluster?: Partial<ClusterOptions>;
  /** Near-duplicate confirmation thresholds. */
  near?: Partial<NearOptions>;
  /** Check the ledger against the input (default true). */
  verify?: boolean;
  /** The researchers' decisions (see `decisions.ts`); a stale one is an error. */
  decisions?: ArchiveDecisions | undefined;
  /** Progress: called as captures are read (phase "read"), then once after each later step. */
  onProgress?: (done: number, total: number, phase: string) => void;
}

/** When two paragraphs count as versions of one paragraph. */
export interface NearOptions {
  /** Paragraphs shorter than this (in words) are only matched exactly. */
  minWords: number;
  /** Exact Jaccard of word shingles at or above which two paragraphs are versions of one. */
  jaccard: number;
  /** Containment at or above which an abridged paragraph is a version of the longer one. */
  containment: number;
}

/** A word-level change between the canonical paragraph and a copy's version. */
export interface DiffPart {
  /** The words. */
  value: string;
  /** Present only in the copy. */
  added?: true;
  /** Present only in the canonical text. */
  removed?: true;
}

/** A copy's edited version of a canonical paragraph. */
export interface ParagraphVariant {
  /** Canonical paragraph id. */
  paragraph: string;
  /** 1-based line of the copy's version. */
  line: number;
  /** The copy's text, unaltered. */
  text: string;
  /** Word diff from canonical to the copy. */
  parts: DiffPart[];
  /**
   * Present when the versions differ in too many words to diff in reasonable time: `parts` then
   * remove the canonical text and add the copy's, between their shared opening and ending.
   */
  rewritten?: true;
}

/** One place a document was found. */
export interface DocumentCopy {
  /** Capture path label. */
  file: string;
  /** First line of the article in the capture. */
  startLine: number;
  /** Last line of the article in the capture. */
  endLine: number;
  /** The copy's own headline ("" when it has none). */
  title: string;
  /** Content paragraphs in this copy. */
  paragraphs: number;
  /** Document paragraphs this copy lacks (abridged copies). */
  missing: string[];
  /** Paragraphs this copy has beyond the canonical copy. */
  extra: string[];
  /** Edited paragraphs, with word diffs against the canonical text. */
  diff?: ParagraphVariant[];
  /** This copy's own headline, byline and dateline when they differ from the canonical copy's. */
  front: ArchiveParagraph[];
  /** True for the copy whose text is shown (the most complete). */
  canonical: boolean;
}

/** Where a paragraph occurs. */
interface ParagraphOccurrence {
  /** Capture path label. */
  file: string;
  /** 1-based line. */
  line: number;
  /** Document the occurrence belongs to. */
  document: string;
}

/** One unique paragraph. */
export interface ArchiveParagraph {
  /** "p-" + 10 hex digits of the normalised text; stable across builds. */
  id: string;
  /** Original display text, unaltered. */
  text: string;
  /** 1-based line of the kept occurrence. */
  line: number;
  /** Capture of the kept occurrence. */
  file: string;
  /** Every occurrence, kept one first, then in file and line order. */
  occurrences: ParagraphOccurrence[];
  /** The part the paragraph plays, when not plain body text. */
  role?: Exclude<ParagraphRole, "body">;
  /** For a reading-list item: the document whose title it announces. */
  announces?: string;
}

/** One article, merged over all its copies. */
export interface ArchiveDocument {
  /** "d-" + 10 hex digits derived from the canonical text. */
  id: string;
  /** Best headline. */
  title: string;
  /** Canonical text in reading order (extra paragraphs of other copies inserted in place). */
  paragraphs: ArchiveParagraph[];
  /** Every place the article was found. */
  copies: DocumentCopy[];
  /** True when copies come from more than one capture. */
  syndicated: boolean;
  /** Paragraphs also found, verbatim, in other documents. */
  sharedParagraphs: { paragraph: string; documents: string[] }[];
}

/** Accounting for one non-blank text block of the input (a line, for a text capture). */
export interface LedgerEntry {
  /** Capture path label. */
  file: string;
  /** 1-based line of the text block (see `TextBlock.line`). */
  line: number;
  /** What happened to the block. */
  status: "kept" | "duplicate" | "boilerplate";
  /** Paragraph the block was kept as. */
  paragraph?: string;
  /** Paragraph the block duplicates. */
  duplicateOf?: string;
  /** Boilerplate rule. */
  rule?: string;
  /** Why (boilerplate reason, or kind of duplicate). */
  reason?: string;
  /** Document the block belongs to. */
  document?: string;
  /**
   * The block's text, for a duplicate or boilerplate entry (a hard-wrapped block's lines each
   * carry their own line), so that the report shows what was hidden or merged.
   */
  text?: string;
  /** For a kept block: the researchers' decision that kept it, with their reason. */
  decided?: string;
}

/** Corpus figures for the report. */
export interface ArchiveStats {
  /** Captures read. */
  files: number;
  /** Bytes read. */
  bytes: number;
  /** Non-blank text blocks (lines, for text captures). */
  lines: number;
  /** Blank text blocks (blank lines). */
  blankLines: number;
  /** Articles found (copies). */
  articles: number;
  /** Documents after merging copies. */
  documents: number;
  /** Documents with copies in more than one capture. */
  syndicated: number;
  /** Unique paragraphs shown. */
  uniqueParagraphs: number;
  /** Text blocks kept. */
  kept: number;
  /** Text blocks recorded as duplicates. */
  duplicates: number;
  /** Of which edited versions (near duplicates). */
  nearDuplicates: number;
  /** Text blocks labelled boilerplate. */
  boilerplate: number;
  /** Boilerplate text blocks per rule. */
  boilerplateByRule: Record<string, number>;
}

/**
 * Where a capture came from: its hash and format always; its original URL, capture time, tool and
 * title where the capture itself (or, failing that, an archiving tool's sidecar beside it) says.
 */
export interface CaptureProvenance {
  /** The capture format that read it (`html`, `mhtml`, `wacz`, `warc`, `pdf`, `text`, `attachment`). */
  format: string;
  /** SHA-256 of the file's bytes, in hex. */
  sha256: string;
  /** The address the page was captured from. */
  url?: string;
  /** When it was captured (ISO 8601 when it could be read). */
  capturedAt?: string;
  /** The capturing tool, as it names itself. */
  tool?: string;
  /** The page's title, as the capture gives it. */
  title?: string;
  /** Sidecar files beside it that were read (metadata.json, index.json, hashes.txt). */
  sidecars?: string[];
}

/** What one capture contributed. */
export interface CaptureSummary {
  /** Capture path label. */
  file: string;
  /** Encoding the capture was read in. */
  encoding: CaptureEncoding;
  /** Bytes. */
  bytes: number;
  /** Non-blank text blocks (lines, for a text capture). */
  lines: number;
  /** True when wrapped lines were joined into paragraphs. */
  wrapped: boolean;
  /** Documents with a copy in this capture. */
  documents: string[];
  /** Where it came from: hash, format, URL, capture time, tool. */
  provenance: CaptureProvenance;
  /** True for a file kept as evidence but not read as text (a screenshot, a sidecar). */
  attachment?: true;
}

/** The processed archive. */
export interface Archive {
  /** Documents in order of first appearance. */
  documents: ArchiveDocument[];
  /** One entry per non-blank text block of the input, in file then line order. */
  ledger: LedgerEntry[];
  /** Corpus figures. */
  stats: ArchiveStats;
  /** Non-fatal problems (e.g. an empty capture). */
  warnings: CasefileProblem[];
  /** Per-capture summary. */
  files: CaptureSummary[];
}
