/**
 * The archive engine: raw captures in, documents with provenance and a complete ledger out.
 * formats (captures → text blocks) → segment → boilerplate → duplicates → cluster → documents →
 * ledger (verified: every text block accounted for).
 */
import { CasefileError, inFile, type CasefileProblem } from "../errors.ts";
import {
  boilerplateLegend,
  labelArticle,
  outsideMainContentRule,
  recurringChrome,
  recurringChromeRule,
  type BoilerplateLabel,
  type ChromeCandidate,
} from "./boilerplate.ts";
import { listCaptureDocuments } from "./capture-documents.ts";
import { clusterArticles, defaultCluster } from "./cluster.ts";
import { articleSketch, articleText, pooledSets } from "./article-fingerprints.ts";
import { applyDecisions, settleDecisions, type DecisionScope } from "./decide.ts";
import { readInBatches } from "./batch.ts";
import type { TextBlock } from "./formats/index.ts";
import { buildDocuments, type ArticleModel, type Piece } from "./documents.ts";
import {
  defaultNear,
  exactIndex,
  nearDuplicates,
  nearGroupOf,
  paragraphIds,
  uniqueOfBlock,
  type ExactIndex,
} from "./duplicates.ts";
import { defaultMinHash } from "./fingerprint.ts";
import { blockMarks, buildLedger, checkLedger } from "./ledger.ts";
import { isHeadlineShaped, isProse, roleOf, type ParagraphRole } from "./roles.ts";
import { isHardWrapped, segmentBlocks, toBlocks, type Block } from "./segment.ts";
import { isAscii } from "./normalise.ts";
import { provenanceOf, readSidecars } from "./provenance.ts";
import type {
  Archive,
  ArchiveOptions,
  ArchiveStats,
  CaptureInput,
  CaptureSummary,
} from "./types.ts";
import { append } from "../arrays.ts";

/** The archive's data model (Archive, ArchiveDocument, LedgerEntry…). */
export type * from "./types.ts";
/** Checks that every non-blank text block of the input has exactly one ledger entry. */
export { verifyLedger } from "./ledger.ts";

/** Every boilerplate rule's name and reason, for the report's legend. */
export const boilerplateRules: readonly { name: string; reason: string }[] = boilerplateLegend;

/** How many of an article's first content paragraphs may hold its headline. */
const HEADLINE_WINDOW = 6;

/** Short lines (by words and characters) that corpus statistics may label as chrome. */
const SHORT_WORDS = 10;
const SHORT_CHARS = 80;

/**
 * Longer lines (a footer's legal notice, a newsletter pitch) may be chrome too, on stricter
 * evidence (see `recurringChrome`), up to this many words, only at an article's edges (see
 * `articleEdges`) and never with quotation marks: a quoted statement found in several stories is
 * a quotation.
 */
const LONG_CHROME_WORDS = 60;
const QUOTATION_MARK = /["“”«»„]/u;

/** The label given by corpus statistics (shared, like the rule labels). */
const recurringChromeLabel = Object.freeze({
  rule: recurringChromeRule.name,
  reason: recurringChromeRule.reason,
});

/** The label of blocks a format judged outside a page's main content (shared, like the others). */
const outsideMainContentLabel = Object.freeze({
  rule: outsideMainContentRule.name,
  reason: outsideMainContentRule.reason,
});

/** The lines of the blocks a format labelled itself, or undefined when it labelled none. */
function presetLines(blocks: readonly TextBlock[]): Set<number> | undefined {
  let lines: Set<number> | undefined;
  for (const block of blocks) if (block.rule !== undefined) (lines ??= new Set()).add(block.line);
  return lines;
}

/** Orders captures by path label (code-unit order, independent of locale). */
function byFile(a: CaptureInput, b: CaptureInput): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/**
 * A block with its verdicts, as one new object with every field in place (adding fields to the
 * block would give each of the many pieces a second, out-of-object property store). Its key,
 * digest and offset are dropped: the exact index keeps what later steps need of them.
 */
function pieceOf(
  block: Block,
  article: number,
  label: BoilerplateLabel | undefined,
  role: ParagraphRole,
  unique: number,
  decided: string | undefined,
): Piece {
  return {
    file: block.file,
    startLine: block.startLine,
    endLine: block.endLine,
    text: block.text,
    words: block.words,
    article,
    label,
    role,
    unique,
    decided,
  };
}

/** Reads captures into pieces and articles, labelling rule-based boilerplate and roles. */
function readCaptures(
  inputs: readonly CaptureInput[],
  options: ArchiveOptions,
  exact: ExactIndex,
  scope: DecisionScope,
) {
  const pieces: Piece[] = [];
  const articles: ArticleModel[] = [];
  const files: CaptureSummary[] = [];
  const warnings: CasefileProblem[] = [];
  const marks = new Map<string, Uint8Array>();
  let bytes = 0;
  let lines = 0;
  let blankLines = 0;
  const total = inputs.reduce((sum, input) => sum + input.bytes.length, 0);
  const sidecars = readSidecars(inputs);
  const mismatch = sidecars.problems[0];
  if (mismatch !== undefined) throw new CasefileError(mismatch);
  for (const capture of readInBatches(inputs)) {
    // An internal error names the capture it was thrown on (see `inFile`).
    inFile(capture.input.file, () => {
      const { input, encoding, text, joined, start, read } = capture;
      append(warnings, capture.warnings);
      // Each block's text, sliced from the batch's joined string (see `batch.ts`), its line and
      // where it starts there: one loop (typed-array `from` and `reduce` call back per block, which
      // a capture of a million blank lines notices).
      const count = capture.blocks.length;
      const raw = new Array<string>(count);
      const blockLines = new Int32Array(count);
      const starts = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        const block = capture.blocks[i]!;
        raw[i] = joined.slice(start + block.from, start + block.to);
        blockLines[i] = block.line;
        starts[i] = start + block.from;
      }
      const blockSeen = blockMarks(blockLines, raw);
      marks.set(input.file, blockSeen);
      let filled = 0;
      for (const mark of blockSeen) filled += mark;
      // An attachment has no text by design; a format that said why it found none has said enough.
      if (filled === 0 && !read.attachment && capture.warnings.length === 0) {
        warnings.push({
          file: input.file,
          message: "is empty (no text to archive)",
          hint: "paste the page's text into the capture or remove the file",
        });
      }
      const wrapped = isHardWrapped(raw);
      files.push({
        file: input.file,
        encoding,
        bytes: input.bytes.length,
        lines: filled,
        wrapped,
        documents: [],
        provenance: provenanceOf(input, read.format, read.metadata, sidecars.folders),
        ...(read.attachment ? { attachment: true as const } : {}),
      });
      const whole = { text: joined, starts, lines: blockLines, ascii: isAscii(text) };
      const blocks = toBlocks(input.file, raw, wrapped, whole);
      // Blocks the format labelled itself (a saved page's menus and footers) stay out of the
      // capture's articles, so that they neither cut nor colour them; they are listed in place.
      const preset = presetLines(capture.blocks);
      // The researchers' decisions on this capture: blocks they keep leave the format's labels too.
      const decide = applyDecisions(scope, input.file, blocks, preset);
      const outside = preset ? blocks.filter((block) => preset.has(block.startLine)) : [];
      let next = 0;
      /** Adds the format-labelled blocks before `line` to an article, as labelled pieces. */
      const addOutside = (model: ArticleModel, a: number, line: number): void => {
        for (; next < outside.length && outside[next]!.startLine < line; next++) {
          const block = outside[next]!;
          model.pieces.push(pieces.length);
          const label = decide.label(block, outsideMainContentLabel);
          pieces.push(pieceOf(block, a, label, "body", -1, undefined));
        }
      };
      const captureArticles = segmentBlocks(
        input.file,
        preset ? blocks.filter((block) => !preset.has(block.startLine)) : blocks,
      );
      if (captureArticles.length === 0 && outside.length > 0)
        captureArticles.push({ file: input.file, index: 0, blocks: [], start: "file" });
      decide.select(captureArticles);
      for (const [k, article] of captureArticles.entries()) {
        const a = articles.length;
        const model: ArticleModel = { file: input.file, pieces: [], headline: -1 };
        const ruled = labelArticle(article.blocks, read.format === "text");
        const labels = ruled.map((label, i) => decide.label(article.blocks[i]!, label));
        let contentSeen = 0;
        let headline = false;
        article.blocks.forEach((block, i) => {
          addOutside(model, a, block.startLine);
          const label = labels[i];
          let role = label ? "body" : roleOf(block.text);
          if (
            !label &&
            !headline &&
            contentSeen < HEADLINE_WINDOW &&
            role === "body" &&
            isHeadlineShaped(block.text) &&
            !isProse(block.text)
          ) {
            role = "headline";
            headline = true;
            model.headline = pieces.length;
          }
          if (!label) contentSeen++;
          model.pieces.push(pieces.length);
          // Exact duplicates: one distinct text per normalised key, found as we read.
          const unique = label ? -1 : uniqueOfBlock(exact, block, joined);
          pieces.push(pieceOf(block, a, label, role, unique, decide.note(block, ruled[i])));
        });
        if (k === captureArticles.length - 1) addOutside(model, a, Infinity);
        articles.push(model);
      }
      bytes += input.bytes.length;
      lines += filled;
      blankLines += raw.length - filled;
    });
    options.onProgress?.(bytes, total, "reading");
  }
  return { pieces, articles, files, warnings, bytes, lines, blankLines, marks };
}

/**
 * Per piece, 1 when it sits at an edge of its article: in the run of content paragraphs found in
 * other captures too that opens or closes it (a menu, a footer), and 0 in between. A paragraph
 * quoted in the middle of several stories is not at an edge, so it is never taken for chrome.
 */
function articleEdges(
  pieces: readonly Piece[],
  articles: readonly ArticleModel[],
  distinct: number,
): Uint8Array {
  // Captures holding each distinct text (1, or 2 for more than one).
  const lastFile = new Array<string | undefined>(distinct);
  const files = new Uint8Array(distinct);
  for (const piece of pieces) {
    const u = piece.unique;
    if (u < 0 || lastFile[u] === piece.file) continue;
    lastFile[u] = piece.file;
    if (files[u]! < 2) files[u]!++;
  }
  const edges = new Uint8Array(pieces.length);
  for (const article of articles) {
    const list = article.pieces;
    const recurring = (p: number): boolean => {
      const u = pieces[p]!.unique;
      return u < 0 || files[u]! >= 2;
    };
    for (let i = 0; i < list.length && recurring(list[i]!); i++) edges[list[i]!] = 1;
    for (let i = list.length - 1; i >= 0 && recurring(list[i]!); i--) edges[list[i]!] = 1;
  }
  return edges;
}

/** Processes captures into documents, a ledger, statistics and warnings. */
export function processCaptures(inputs: CaptureInput[], options: ArchiveOptions = {}): Archive {
  const sorted = [...inputs].sort(byFile);
  sorted.forEach((input, i) => {
    if (i > 0 && sorted[i - 1]!.file === input.file) {
      throw new CasefileError({
        file: input.file,
        message: "was given twice",
        hint: "list each capture once",
      });
    }
  });
  const near = { ...defaultNear, ...options.near };
  const minHash = { ...defaultMinHash, ...options.minHash };
  const cluster = { ...defaultCluster, ...options.cluster };
  const total = sorted.reduce((sum, input) => sum + input.bytes.length, 0);
  /** Reports a finished step (read, near, cluster, chrome, docs, ledger, stats, verify). */
  const lap = (step: string): void => options.onProgress?.(total, total, step);
  const exact = exactIndex(near.minWords);
  const scope: DecisionScope = { decisions: options.decisions, found: new Set(), problems: [] };
  const read = readCaptures(sorted, options, exact, scope);
  lap("read");
  const { pieces, articles } = read;

  // Near duplicates among distinct texts, then article clusters on shared text.
  const groups = nearDuplicates(exact, near, minHash);
  const sets = pooledSets(exact);
  const sketches = articles.map((article) => articleSketch(article, pieces, exact, groups, sets));
  const textOf = (a: number) => articleText(articles[a]!, pieces, exact, sets);
  lap("near");
  // The pairs the researchers decided are (or are not) one article steer both groupings.
  const decided = settleDecisions(scope, pieces, articles);
  // A first grouping tells site chrome from copied text: lines recurring across captures of
  // different documents are chrome. Chrome never links articles: the articles that held some are
  // fingerprinted again without it and grouped again.
  const first = clusterArticles(sketches, textOf, cluster, decided);
  const candidates: ChromeCandidate[] = [];
  const edges = articleEdges(pieces, articles, exact.count);
  for (const [p, piece] of pieces.entries()) {
    if (
      piece.unique < 0 ||
      piece.decided !== undefined ||
      piece.role === "question" ||
      piece.role === "dateline" ||
      piece.role === "headline"
    )
      continue;
    const short = piece.words <= SHORT_WORDS && piece.text.length <= SHORT_CHARS;
    if (
      !short &&
      (piece.words > LONG_CHROME_WORDS || edges[p] === 0 || QUOTATION_MARK.test(piece.text))
    )
      continue;
    candidates.push({
      unique: piece.unique,
      file: piece.file,
      cluster: first[piece.article]!,
      short,
    });
  }
  const chrome = recurringChrome(candidates);
  const touched = new Set<number>();
  for (const piece of pieces) {
    if (piece.unique >= 0 && chrome.has(piece.unique)) {
      piece.label = recurringChromeLabel;
      piece.unique = -1;
      touched.add(piece.article);
    }
  }
  let changed = false;
  for (const a of touched) {
    const before = sketches[a]!;
    const after = articleSketch(articles[a]!, pieces, exact, groups, sets);
    if (after.size !== before.size || after.units.length !== before.units.length) changed = true;
    sketches[a] = after;
  }
  const roots = changed ? clusterArticles(sketches, textOf, cluster, decided) : first;
  lap("cluster");
  lap("chrome");

  const result = buildDocuments({
    pieces,
    articles,
    roots,
    distinct: exact.count,
    idsOf: (order) => paragraphIds(exact, order),
    nearGroup: (u) => nearGroupOf(groups, u),
  });
  lap("docs");
  const ledger = buildLedger(pieces, result);
  lap("ledger");

  listCaptureDocuments(read.files, result.documents);
  const stats: ArchiveStats = {
    files: sorted.length,
    bytes: read.bytes,
    lines: read.lines,
    blankLines: read.blankLines,
    articles: result.documents.reduce((sum, document) => sum + document.copies.length, 0),
    documents: result.documents.length,
    syndicated: result.documents.filter((document) => document.syndicated).length,
    uniqueParagraphs: result.shownParagraphs,
    kept: 0,
    duplicates: 0,
    nearDuplicates: 0,
    boilerplate: 0,
    boilerplateByRule: {},
  };
  for (const entry of ledger) {
    if (entry.status === "kept") stats.kept++;
    else if (entry.status === "duplicate") {
      stats.duplicates++;
      if (entry.reason?.startsWith("edited")) stats.nearDuplicates++;
    } else {
      stats.boilerplate++;
      stats.boilerplateByRule[entry.rule!] = (stats.boilerplateByRule[entry.rule!] ?? 0) + 1;
    }
  }
  const archive: Archive = {
    documents: result.documents,
    ledger,
    stats,
    warnings: read.warnings,
    files: read.files,
  };
  lap("stats");
  if (options.verify !== false) checkLedger(read.marks, archive);
  lap("verify");
  return archive;
}
