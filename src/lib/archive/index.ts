/**
 * The archive engine: raw captures in, documents with provenance and a complete ledger out.
 * decode → segment → boilerplate → duplicates → cluster → documents → ledger (verified).
 */
import { CasefileError, type CasefileProblem } from "../errors.ts";
import { boilerplateLegend, labelArticle, recurringChrome, recurringChromeRule, type ChromeCandidate } from "./boilerplate.ts";
import { clusterArticles, defaultCluster } from "./cluster.ts";
import { decode, splitLines } from "./decode.ts";
import { buildDocuments, type ArticleModel, type Piece } from "./documents.ts";
import { defaultNear, exactUniques, nearDuplicates, nearGroupOf } from "./duplicates.ts";
import { defaultMinHash } from "./fingerprint.ts";
import { buildLedger, checkLedger, nonBlankLines } from "./ledger.ts";
import { isHeadlineShaped, isProse, roleOf } from "./roles.ts";
import { isHardWrapped, segmentBlocks, toBlocks } from "./segment.ts";
import { normaliseLines } from "./normalise.ts";
import type { Archive, ArchiveOptions, ArchiveStats, CaptureInput, CaptureSummary } from "./types.ts";

export type * from "./types.ts";
export { verifyLedger } from "./ledger.ts";
export { decode, splitLines } from "./decode.ts";
export { normalise } from "./normalise.ts";

/** Every boilerplate rule's name and reason, for the report's legend. */
export const boilerplateRules: readonly { name: string; reason: string }[] = boilerplateLegend;

/** How many of an article's first content paragraphs may hold its headline. */
const HEADLINE_WINDOW = 6;

/** Short lines (by words and characters) that corpus statistics may label as chrome. */
const SHORT_WORDS = 10;
const SHORT_CHARS = 80;

/** Orders captures by path label (code-unit order, independent of locale). */
function byFile(a: CaptureInput, b: CaptureInput): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** Reads captures into pieces and articles, labelling rule-based boilerplate and roles. */
function readCaptures(inputs: readonly CaptureInput[], options: ArchiveOptions) {
  const pieces: Piece[] = [];
  const articles: ArticleModel[] = [];
  const files: CaptureSummary[] = [];
  const warnings: CasefileProblem[] = [];
  const marks = new Map<string, Uint8Array>();
  let bytes = 0;
  let lines = 0;
  let blankLines = 0;
  const total = inputs.reduce((sum, input) => sum + input.bytes.length, 0);
  for (const input of inputs) {
    const { text, encoding } = decode(input.file, input.bytes);
    const raw = text === "" ? [] : splitLines(text);
    const lineMarks = nonBlankLines(raw);
    marks.set(input.file, lineMarks);
    const filled = lineMarks.reduce((sum, mark) => sum + mark, 0);
    if (filled === 0) {
      warnings.push({ file: input.file, message: "is empty (no text to archive)", hint: "paste the page's text into the capture or remove the file" });
    }
    const wrapped = isHardWrapped(raw);
    files.push({ file: input.file, encoding, bytes: input.bytes.length, lines: filled, wrapped, documents: [] });
    const keys = normaliseLines(text, raw.length);
    for (const article of segmentBlocks(input.file, toBlocks(input.file, raw, wrapped, keys))) {
      const a = articles.length;
      const model: ArticleModel = { file: input.file, pieces: [] };
      const labels = labelArticle(article.blocks);
      let contentSeen = 0;
      let headline = false;
      article.blocks.forEach((block, i) => {
        const label = labels[i];
        let role = label ? "body" : roleOf(block.text);
        if (!label && !headline && contentSeen < HEADLINE_WINDOW && role === "body" && isHeadlineShaped(block.text) && !isProse(block.text)) {
          role = "headline";
          headline = true;
        }
        if (!label) contentSeen++;
        model.pieces.push(pieces.length);
        pieces.push({ block, article: a, label, role, unique: -1 });
      });
      articles.push(model);
    }
    bytes += input.bytes.length;
    lines += filled;
    blankLines += raw.length - filled;
    options.onProgress?.(bytes, total, "read");
  }
  return { pieces, articles, files, warnings, bytes, lines, blankLines, marks };
}

/** Processes captures into documents, a ledger, statistics and warnings. */
export function processCaptures(inputs: CaptureInput[], options: ArchiveOptions = {}): Archive {
  const sorted = [...inputs].sort(byFile);
  sorted.forEach((input, i) => {
    if (i > 0 && sorted[i - 1]!.file === input.file) {
      throw new CasefileError({ file: input.file, message: "was given twice", hint: "list each capture once" });
    }
  });
  const near = { ...defaultNear, ...options.near };
  const minHash = { ...defaultMinHash, ...options.minHash };
  const cluster = { ...defaultCluster, ...options.cluster };
  let T=performance.now(); const lap=(n:string)=>{const t=performance.now(); console.error(n, (t-T).toFixed(0)); T=t;};
  const read = readCaptures(sorted, options); lap("read");
  const { pieces, articles } = read;

  // Exact duplicates: one distinct text per normalised key.
  const content = pieces.flatMap((piece, p) => (piece.label ? [] : [p]));
  const exact = exactUniques(content.map((p) => pieces[p]!.block.key));
  content.forEach((p, i) => (pieces[p]!.unique = exact.uniqueOf[i]!));
  lap("exact");

  // Near duplicates among distinct texts, then article clusters on shared paragraphs.
  const words = new Int32Array(exact.keys.length);
  for (const p of content) words[pieces[p]!.unique] = pieces[p]!.block.words;
  const groups = nearDuplicates(exact.keys, near, minHash, words);
  const units = articles.map((article) => {
    const own = article.pieces.map((p) => pieces[p]!).filter((piece) => piece.unique >= 0);
    const substantive = own.filter((piece) => piece.block.words >= near.minWords);
    const chosen = substantive.length > 0 ? substantive.map((piece) => nearGroupOf(groups, piece.unique)) : own.map((piece) => piece.unique);
    return Int32Array.from(new Set(chosen)).sort();
  });
  lap("near"); const roots = clusterArticles(units, cluster); lap("cluster");

  // Corpus statistics: short lines recurring across unrelated documents are chrome.
  const candidates: ChromeCandidate[] = [];
  for (const piece of pieces) {
    if (piece.unique < 0 || piece.role === "question" || piece.role === "dateline" || piece.role === "headline") continue;
    if (piece.block.words > SHORT_WORDS || piece.block.text.length > SHORT_CHARS) continue;
    candidates.push({ unique: piece.unique, file: piece.block.file, cluster: roots[piece.article]! });
  }
  const chrome = recurringChrome(candidates);
  for (const piece of pieces) {
    if (piece.unique >= 0 && chrome.has(piece.unique)) {
      piece.label = { rule: recurringChromeRule.name, reason: recurringChromeRule.reason };
      piece.unique = -1;
    }
  }
  lap("chrome");

  const result = buildDocuments({ pieces, articles, roots, keys: exact.keys, nearGroup: (u) => nearGroupOf(groups, u) });
  lap("docs"); const ledger = buildLedger(pieces, result); lap("ledger");

  const byFileSummary = new Map(read.files.map((summary) => [summary.file, summary]));
  for (const document of result.documents) {
    for (const copy of document.copies) {
      const summary = byFileSummary.get(copy.file)!;
      if (!summary.documents.includes(document.id)) summary.documents.push(document.id);
    }
  }
  const stats: ArchiveStats = {
    files: sorted.length,
    bytes: read.bytes,
    lines: read.lines,
    blankLines: read.blankLines,
    articles: result.documents.reduce((sum, document) => sum + document.copies.length, 0),
    documents: result.documents.length,
    syndicated: result.documents.filter((document) => document.syndicated).length,
    uniqueParagraphs: result.paragraphIds.size,
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
  const archive: Archive = { documents: result.documents, ledger, stats, warnings: read.warnings, files: read.files };
  lap("stats"); if (options.verify !== false) checkLedger(read.marks, archive); lap("verify");
  return archive;
}
