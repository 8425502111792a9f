/**
 * Applying the researchers' decisions (`decisions.ts`) while captures are read: which blocks they
 * keep or hide, which part of a capture is the source, and which articles are or are not one
 * document. Every decision must find what it names; those that do not are reported together.
 */
import type { CasefileProblem } from "../errors.ts";
import { outsideMainContentRule, type BoilerplateLabel } from "./boilerplate.ts";
import type { DecidedPairs } from "./cluster.ts";
import {
  hiddenLabel,
  keptNote,
  lineRange,
  quotedKey,
  staleDecision,
  throwProblems,
  unselectedLabel,
  type ArchiveDecisions,
  type CaptureDecisions,
  type QuotedBlock,
} from "./decisions.ts";
import type { ArticleModel, Piece } from "./documents.ts";
import type { Article, Block } from "./segment.ts";

/** The decisions of one run, what they found so far and the problems met. */
export interface DecisionScope {
  /** The decisions given. */
  decisions: ArchiveDecisions | undefined;
  /** Decisions (quoted blocks, selections) that found what they name. */
  found: Set<object>;
  /** Problems met. */
  problems: CasefileProblem[];
  /** Capture labels read. */
  read?: Set<string>;
}

/** The decisions on one capture, asked block by block as the engine reads it. */
export interface CaptureDecider {
  /** The final label of a block, given the label a rule or the format gave it. */
  label: (block: Block, label: BoilerplateLabel | undefined) => BoilerplateLabel | undefined;
  /** The note of a block the researchers keep, given the label a rule gave it. */
  note: (block: Block, ruled: BoilerplateLabel | undefined) => string | undefined;
  /** Resolves the selection against the capture's articles (call before `label`). */
  select: (articles: readonly Article[]) => void;
}

/** A capture without decisions. */
const undecided: CaptureDecider = {
  label: (_block, label) => label,
  note: () => undefined,
  select: () => undefined,
};

/** The first quoted block whose text starts the block's, if any. */
function quoted(list: readonly QuotedBlock[], keys: readonly string[], key: string) {
  const index = keys.findIndex((quote) => key.startsWith(quote));
  return index === -1 ? undefined : list[index];
}

/**
 * The decider of one capture. Blocks the researchers keep are taken out of `preset` (the lines
 * the format labelled itself), so that they are read as the article's text.
 */
export function applyDecisions(
  scope: DecisionScope,
  file: string,
  blocks: readonly Block[],
  preset: Set<number> | undefined,
): CaptureDecider {
  (scope.read ??= new Set()).add(file);
  const decisions: CaptureDecisions | undefined = scope.decisions?.captures.find(
    (entry) => entry.file === file,
  );
  if (!decisions) return undecided;
  const keepKeys = decisions.keep.map((keep) => quotedKey(keep.text));
  const hideKeys = decisions.hide.map((hide) => quotedKey(hide.text));
  const keeps = new Map<number, QuotedBlock>();
  const hides = new Map<number, QuotedBlock>();
  const unpreset = new Set<number>();
  if (keepKeys.length > 0 || hideKeys.length > 0) {
    for (const block of blocks) {
      const key = quotedKey(block.text);
      const hide = quoted(decisions.hide, hideKeys, key);
      const keep = hide ? undefined : quoted(decisions.keep, keepKeys, key);
      if (hide) {
        hides.set(block.startLine, hide);
        scope.found.add(hide);
      } else if (keep) {
        keeps.set(block.startLine, keep);
        scope.found.add(keep);
        if (preset?.delete(block.startLine)) unpreset.add(block.startLine);
      }
    }
  }
  const selection = decisions.select;
  let range: [number, number] | undefined;
  const inRange = (block: Block) =>
    !range || (block.startLine >= range[0] && block.endLine <= range[1]);
  return {
    select: (articles) => {
      if (!selection) return;
      const last = blocks.length > 0 ? blocks[blocks.length - 1]!.endLine : 0;
      let chosen: Article | undefined;
      if ("lines" in selection) {
        const [from, to] = lineRange(selection.lines);
        if (from <= to && to <= last) range = [from, to];
      } else if (typeof selection.article === "number") {
        chosen = articles[selection.article - 1];
      } else {
        const key = quotedKey(selection.article);
        chosen = articles.find((article) =>
          article.blocks.some((block) => quotedKey(block.text).startsWith(key)),
        );
      }
      if (chosen && chosen.blocks.length > 0)
        range = [chosen.blocks[0]!.startLine, chosen.blocks[chosen.blocks.length - 1]!.endLine];
      if (range) scope.found.add(selection);
      else
        scope.problems.push(
          staleDecision(
            selection.origin,
            "lines" in selection
              ? `${file} has no lines ${selection.lines} (its last line is ${last})`
              : typeof selection.article === "number"
                ? `${file} holds ${articles.length} article${articles.length === 1 ? "" : "s"}, so there is no article ${selection.article}`
                : `no article of ${file} has a block starting "${selection.article}"`,
          ),
        );
    },
    label: (block, label) => {
      if (!inRange(block)) return unselectedLabel(selection!);
      const hide = hides.get(block.startLine);
      if (hide) return hiddenLabel(hide.reason ?? "");
      return keeps.has(block.startLine) ? undefined : label;
    },
    note: (block, ruled) => {
      const keep = keeps.get(block.startLine);
      if (!keep || !inRange(block)) return undefined;
      const rule = unpreset.has(block.startLine) ? outsideMainContentRule.name : ruled?.rule;
      return keptNote(keep, rule);
    },
  };
}

/** The articles of some captures that hold text (not only page furniture). */
function articlesOf(
  files: readonly string[],
  pieces: readonly Piece[],
  articles: readonly ArticleModel[],
): number[] {
  const wanted = new Set(files);
  const found: number[] = [];
  articles.forEach((article, index) => {
    if (wanted.has(article.file) && article.pieces.some((p) => pieces[p]!.unique >= 0))
      found.push(index);
  });
  return found;
}

/**
 * After every capture is read: reports the decisions that found nothing (all together, as one
 * error), and resolves the same and not-same articles into pairs of articles for clustering.
 */
export function settleDecisions(
  scope: DecisionScope,
  pieces: readonly Piece[],
  articles: readonly ArticleModel[],
): DecidedPairs {
  const decided: { same: [number, number][]; apart: [number, number][] } = { same: [], apart: [] };
  const decidedAt = new Map<string, CaptureDecisions>();
  for (const capture of scope.decisions?.captures ?? []) {
    // A capture that is not there is the content check's to report.
    if (!scope.read?.has(capture.file)) continue;
    const first = decidedAt.get(capture.file);
    const origin = capture.select?.origin ?? capture.keep[0]?.origin ?? capture.hide[0]?.origin;
    if (first && origin) {
      const where = first.select?.origin ?? first.keep[0]?.origin ?? first.hide[0]?.origin;
      scope.problems.push({
        file: origin.file,
        line: origin.line,
        field: origin.field.replace(/\.(select|keep|hide).*$/, ""),
        message: `decisions on ${capture.file} are given twice (also under source "${where?.source ?? "?"}" in ${where?.file ?? "?"}${where?.line === undefined ? "" : `:${where.line}`})`,
        hint: "a decision on a capture applies wherever the capture is used: write it once, and name the capture by its path elsewhere",
      });
      continue;
    }
    decidedAt.set(capture.file, capture);
    for (const block of [...capture.keep, ...capture.hide])
      if (!scope.found.has(block))
        scope.problems.push(
          staleDecision(block.origin, `no block of ${capture.file} starts with "${block.text}"`),
        );
  }
  for (const pair of scope.decisions?.pairs ?? []) {
    const first = articlesOf(pair.first, pieces, articles);
    const second = articlesOf(pair.second, pieces, articles);
    const sides = [
      { source: pair.origin.source, count: first.length },
      { source: pair.other, count: second.length },
    ];
    const wrong = sides.find((side) => side.count !== 1);
    if (wrong && (pair.same || wrong.count === 0)) {
      scope.problems.push({
        file: pair.origin.file,
        line: pair.origin.line,
        field: pair.origin.field,
        message: `source "${wrong.source}" holds ${wrong.count} articles in its captures, so which one is ${pair.same ? "" : "not "}the same article cannot be told`,
        hint:
          wrong.count === 0
            ? "give the source a capture that holds the article"
            : "select its article: write the capture as { file: …, select: { article: 2 } } (see docs/captures.md)",
      });
      continue;
    }
    for (const a of first)
      for (const b of second) (pair.same ? decided.same : decided.apart).push([a, b]);
  }
  throwProblems(scope.problems);
  return decided;
}
