/**
 * From clusters of articles to documents. The most complete copy supplies the canonical text;
 * other copies are aligned to it paragraph by paragraph (same text, an edited version with a
 * word diff, or an extra paragraph inserted where it appears). Every paragraph keeps its
 * provenance: each file and line where it was found.
 */
import { diffWords } from "diff";
import { hexDigest } from "./fingerprint.ts";
import { normalise } from "./normalise.ts";
import { isProse, type ParagraphRole } from "./roles.ts";
import type { BoilerplateLabel } from "./boilerplate.ts";
import type { Block } from "./segment.ts";
import { paragraphOrder } from "./paragraph-order.ts";
import { quotedPhrases, withoutTrailing } from "./text-patterns.ts";
import type {
  ArchiveDocument,
  ArchiveParagraph,
  DiffPart,
  DocumentCopy,
  ParagraphVariant,
} from "./types.ts";

/**
 * One paragraph occurrence in the corpus: what later steps need of a block, with its verdicts (one
 * object per paragraph, kept to the end, so it holds only what is read after the captures are).
 */
export interface Piece extends Pick<Block, "file" | "startLine" | "endLine" | "text" | "words"> {
  /** Global index of its article. */
  article: number;
  /** Boilerplate verdict, if any. */
  label: BoilerplateLabel | undefined;
  /** Role in its article. */
  role: ParagraphRole;
  /** Index of its distinct normalised text, -1 for boilerplate. */
  unique: number;
  /** The researchers' note when they kept it (see `decisions.ts`). */
  decided: string | undefined;
}

/** One article's pieces (global piece indices, in reading order). */
export interface ArticleModel {
  /** Capture path label. */
  file: string;
  /** Piece indices. */
  pieces: number[];
  /** Piece index of its headline (the piece with role "headline"), -1 if it has none. */
  headline: number;
}

/** Everything document building needs. */
export interface DocumentInput {
  /** All pieces in input order. */
  pieces: readonly Piece[];
  /** All articles in input order. */
  articles: readonly ArticleModel[];
  /** Cluster root of each article. */
  roots: Int32Array;
  /** Number of distinct normalised texts. */
  distinct: number;
  /** Paragraph ids of distinct texts, given in order of first appearance (see `paragraphIds`). */
  idsOf: (order: readonly number[]) => readonly (string | undefined)[];
  /** Near-duplicate group of a distinct text. */
  nearGroup: (unique: number) => number;
}

/** Documents plus, per piece, what it was shown as. */
export interface DocumentResult {
  /** Documents in order of first appearance. */
  documents: ArchiveDocument[];
  /** Per piece: the distinct text it is shown as (-1 for boilerplate or no document). */
  shownAs: Int32Array;
  /** Per piece: index of its document in `documents` (-1 if none). */
  documentOf: Int32Array;
  /** Per piece: 1 when it is an edited version of the paragraph it is shown as. */
  variant: Uint8Array;
  /** Per piece: 1 for the occurrence whose text is kept. */
  kept: Uint8Array;
  /** Paragraph id of each shown distinct text (indexed by distinct text). */
  paragraphIds: readonly (string | undefined)[];
  /** Number of shown distinct texts (paragraphs with an id). */
  shownParagraphs: number;
}

/** Roles that describe one copy (its headline, byline, date) rather than the article's text. */
const FRONT: ReadonlySet<ParagraphRole> = new Set(["headline", "byline", "dateline"]);

/**
 * " - Outlet" or " | Outlet" ending a headline. It starts only where a run of spaces does (the
 * leftmost match would start there anyway), so that a long run is not read again from each of its
 * spaces.
 */
const OUTLET_SUFFIX = /(?<!\s)\s+[-–—|]\s+[^-–—|]{2,40}$/u;

/** A headline without a trailing " - Outlet" or " | Outlet". */
function stripOutlet(title: string): string {
  const stripped = title.trim().replace(OUTLET_SUFFIX, "");
  return stripped.length >= 8 ? stripped : title.trim();
}

/** Shortens a paragraph to a title-length phrase at a word boundary. */
function shorten(text: string, max = 120): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(" "), 40)) + "…";
}

/** Content pieces of an article. */
function contentOf(input: DocumentInput, article: number): number[] {
  return input.articles[article]!.pieces.filter((p) => input.pieces[p]!.unique >= 0);
}

/** Completeness score: distinct prose paragraphs, then characters. */
function completeness(input: DocumentInput, content: readonly number[]): [number, number] {
  const prose = new Set<number>();
  let chars = 0;
  for (const p of content) {
    const piece = input.pieces[p]!;
    chars += piece.text.length;
    if (isProse(piece.text)) prose.add(piece.unique);
  }
  return [prose.size, chars];
}

/** Picks the canonical copy: most prose paragraphs, then most text, then first. */
function canonicalOf(
  input: DocumentInput,
  copies: readonly number[],
  content: Map<number, number[]>,
): number {
  let best = copies[0]!;
  let bestScore = completeness(input, content.get(best)!);
  for (const article of copies.slice(1)) {
    const score = completeness(input, content.get(article)!);
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = article;
      bestScore = score;
    }
  }
  return best;
}

/**
 * How much work one word diff may do, in characters diffed times edits allowed. The diff (Myers')
 * takes time up to the length of the stretch diffed times the number of edits it finds, so the
 * edits allowed shrink as the stretch grows: about 600 for two paragraphs of 3,000 characters (no
 * edited version of an ordinary paragraph comes near), never fewer than `MIN_EDITS`. Edits are
 * counted, not time, so that every build shows the same diff.
 */
const WORD_DIFF_BUDGET = 4_000_000;

/**
 * Edits (words and punctuation marks added or removed) every word diff may find, however long the
 * paragraph: a few changed words show word by word even in a paragraph of a megabyte, at a cost
 * that stays linear in its length.
 */
const MIN_EDITS = 64;

/** A word diff: its parts, and whether it was cut short (see `WORD_DIFF_BUDGET`). */
interface WordDiff {
  /** The canonical text and the copy's, word by word (or as one removal and one addition). */
  parts: DiffPart[];
  /** True when the versions differ too much to diff within the budget: shown as rewritten. */
  rewritten: boolean;
}

/**
 * Word diff parts as plain data. Versions that differ in more words than the budget allows (see
 * `WORD_DIFF_BUDGET`) are shown as rewritten: their shared opening and ending kept, the canonical
 * stretch between removed and the copy's added.
 */
function wordDiff(canonical: string, copy: string): WordDiff {
  // Versions differ in a few words: diff only the stretch between the shared opening and
  // ending (cut at spaces), which keeps diffWords fast on long paragraphs.
  let start = 0;
  const limit = Math.min(canonical.length, copy.length);
  while (start < limit && canonical.charCodeAt(start) === copy.charCodeAt(start)) start++;
  start =
    start === limit && canonical.length === copy.length
      ? start
      : canonical.lastIndexOf(" ", start - 1) + 1;
  let end = 0;
  while (
    end < limit - start &&
    canonical.charCodeAt(canonical.length - 1 - end) === copy.charCodeAt(copy.length - 1 - end)
  )
    end++;
  const cut = canonical.indexOf(" ", canonical.length - end);
  end = cut < 0 ? 0 : canonical.length - cut;
  const parts: DiffPart[] = [];
  const push = (part: DiffPart): void => {
    const last = parts[parts.length - 1];
    if (last && !last.added && !last.removed && !part.added && !part.removed)
      last.value += part.value;
    else if (part.value !== "") parts.push(part);
  };
  push({ value: canonical.slice(0, start) });
  const before = canonical.slice(start, canonical.length - end);
  const after = copy.slice(start, copy.length - end);
  const maxEditLength = Math.max(
    MIN_EDITS,
    Math.floor(WORD_DIFF_BUDGET / (before.length + after.length)),
  );
  const changes = diffWords(before, after, { maxEditLength });
  for (const change of changes ?? []) {
    push({
      value: change.value,
      ...(change.added ? { added: true as const } : {}),
      ...(change.removed ? { removed: true as const } : {}),
    });
  }
  if (!changes) {
    push({ value: before, removed: true });
    push({ value: after, added: true });
  }
  push({ value: canonical.slice(canonical.length - end) });
  return { parts, rewritten: !changes };
}

/** Unique id for content: a digest, with a counter suffix on the (unlikely) collision. */
function uniqueId(prefix: string, digest: string, taken: Set<string>): string {
  let id = prefix + digest;
  for (let n = 2; taken.has(id); n++) id = `${prefix}${digest}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Where copies word a paragraph differently, shows the wording most copies share (ties keep the
 * canonical copy's), so an edit made by one republisher reads as that copy's variant.
 */
function preferMajorityWording(
  pieces: readonly Piece[],
  aligned: readonly number[],
  order: number[],
  shownAs: Int32Array,
  textOf: Map<number, string>,
): void {
  const votes = new Map<number, Map<number, number>>();
  let edited = false;
  for (const p of aligned) {
    const shown = shownAs[p]!;
    const u = pieces[p]!.unique;
    if (u !== shown) edited = true;
    const tally = votes.get(shown) ?? new Map<number, number>();
    tally.set(u, (tally.get(u) ?? 0) + 1);
    votes.set(shown, tally);
  }
  if (!edited) return;
  const positions = new Map(order.map((u, i) => [u, i]));
  for (const [shown, tally] of votes) {
    let best = shown;
    for (const [u, count] of tally) if (count > tally.get(best)!) best = u;
    if (best === shown) continue;
    order[positions.get(shown)!] = best;
    for (const p of aligned) {
      if (shownAs[p] !== shown) continue;
      shownAs[p] = best;
      if (pieces[p]!.unique === best && !textOf.has(best)) textOf.set(best, pieces[p]!.text);
    }
  }
}

/** Builds documents from article clusters. */
export function buildDocuments(input: DocumentInput): DocumentResult {
  const { pieces, distinct } = input;
  const shownAs = new Int32Array(pieces.length).fill(-1);
  const documentOf = new Int32Array(pieces.length).fill(-1);
  const variant = new Uint8Array(pieces.length);
  const kept = new Uint8Array(pieces.length);

  // Clusters in order of first appearance; articles without content make no document.
  const content = new Map<number, number[]>();
  const clusters = new Map<number, number[]>();
  input.articles.forEach((_, article) => {
    const own = contentOf(input, article);
    if (own.length === 0) return;
    content.set(article, own);
    const root = input.roots[article]!;
    const list = clusters.get(root);
    if (list) list.push(article);
    else clusters.set(root, [article]);
  });

  interface Draft {
    copies: number[];
    canonical: number;
    order: number[];
    variants: Map<number, { piece: number; canonicalText: string }[]>;
    front: Map<number, number[]>;
  }
  const drafts: Draft[] = [];
  const noVariants = new Map<number, { piece: number; canonicalText: string }[]>();
  const noFront = new Map<number, number[]>();
  for (const copies of clusters.values()) {
    const d = drafts.length;
    if (copies.length === 1) {
      // Most documents have one copy: its paragraphs, in order, are the document.
      const article = copies[0]!;
      const order: number[] = [];
      const seen = new Set<number>();
      for (const p of content.get(article)!) {
        const u = pieces[p]!.unique;
        if (!seen.has(u)) {
          seen.add(u);
          order.push(u);
        }
        shownAs[p] = u;
      }
      for (const p of input.articles[article]!.pieces) documentOf[p] = d;
      drafts.push({ copies, canonical: article, order, variants: noVariants, front: noFront });
      continue;
    }
    const canonical = canonicalOf(input, copies, content);
    const canonicalOrder: number[] = [];
    const inDoc = new Set<number>();
    const nearToShown = new Map<number, number>();
    const textOf = new Map<number, string>();
    const add = (unique: number, p: number): void => {
      inDoc.add(unique);
      textOf.set(unique, pieces[p]!.text);
      const group = input.nearGroup(unique);
      if (!nearToShown.has(group)) nearToShown.set(group, unique);
    };
    for (const p of content.get(canonical)!) {
      const u = pieces[p]!.unique;
      if (!inDoc.has(u)) {
        canonicalOrder.push(u);
        add(u, p);
      }
      shownAs[p] = u;
      documentOf[p] = d;
    }
    // Other copies are aligned in turn; a paragraph only a copy has goes after the last one it
    // shares with the document so far.
    const aligning = paragraphOrder(canonicalOrder);
    const front = new Map<number, number[]>();
    const aligned: number[] = [...content.get(canonical)!];
    for (const article of copies) {
      if (article === canonical) continue;
      aligning.startCopy();
      for (const p of content.get(article)!) {
        const piece = pieces[p]!;
        const u = piece.unique;
        let shown = inDoc.has(u) ? u : nearToShown.get(input.nearGroup(u));
        if (shown === undefined && FRONT.has(piece.role)) {
          // A copy's own headline or byline describes the copy, not the document's text.
          const own = front.get(article);
          if (own) own.push(u);
          else front.set(article, [u]);
          shownAs[p] = u;
          documentOf[p] = d;
          continue;
        }
        if (shown === undefined) {
          aligning.insert(u);
          add(u, p);
          shown = u;
        } else aligning.reach(shown);
        shownAs[p] = shown;
        documentOf[p] = d;
        aligned.push(p);
      }
      aligning.endCopy();
    }
    const order = [...aligning.list];
    preferMajorityWording(pieces, aligned, order, shownAs, textOf);
    const variants = new Map<number, { piece: number; canonicalText: string }[]>();
    for (const p of aligned) {
      if (shownAs[p] === pieces[p]!.unique) continue;
      variant[p] = 1;
      const article = pieces[p]!.article;
      const list = variants.get(article) ?? [];
      list.push({ piece: p, canonicalText: textOf.get(shownAs[p]!)! });
      variants.set(article, list);
    }
    for (const article of copies)
      for (const p of input.articles[article]!.pieces) documentOf[p] = d;
    drafts.push({ copies, canonical, order, variants, front });
  }

  // Kept occurrence: the first piece shown as its own text (in piece order, so ids are assigned
  // in input order and the rare digest collision resolves the same way every build).
  const keptPiece = new Int32Array(distinct).fill(-1);
  const shownOrder: number[] = [];
  for (let p = 0; p < pieces.length; p++) {
    const shown = shownAs[p]!;
    if (shown >= 0 && shown === pieces[p]!.unique && keptPiece[shown] === -1) {
      keptPiece[shown] = p;
      kept[p] = 1;
      shownOrder.push(shown);
    }
  }

  // Ids: documents from their canonical text, paragraphs from their normalised text.
  const paragraphIds = input.idsOf(shownOrder);
  const takenDocs = new Set<string>();
  const docIds = drafts.map((draft) =>
    uniqueId("d-", hexDigest(draft.order.map((u) => paragraphIds[u]).join(" ")), takenDocs),
  );

  // Occurrences of each shown text, grouped with a counting sort (piece order within a group).
  const groupStart = new Int32Array(distinct + 1);
  for (let p = 0; p < pieces.length; p++) if (shownAs[p]! >= 0) groupStart[shownAs[p]! + 1]!++;
  for (let u = 0; u < distinct; u++) groupStart[u + 1]! += groupStart[u]!;
  const grouped = new Int32Array(groupStart[distinct]!);
  const fill = groupStart.slice(0, distinct);
  for (let p = 0; p < pieces.length; p++) if (shownAs[p]! >= 0) grouped[fill[shownAs[p]!]!++] = p;

  // Paragraph objects, one per shown text, shared by every document that shows it.
  const paragraphs: ArchiveParagraph[] = new Array<ArchiveParagraph>(distinct);
  const roleOfShown: ParagraphRole[] = new Array<ParagraphRole>(distinct);
  for (const u of shownOrder) {
    const p = keptPiece[u]!;
    const piece = pieces[p]!;
    const occurrences: ArchiveParagraph["occurrences"] = [occurrenceOf(p)];
    for (let g = groupStart[u]!; g < groupStart[u + 1]!; g++) {
      if (grouped[g] !== p) occurrences.push(occurrenceOf(grouped[g]!));
    }
    const paragraph: ArchiveParagraph = {
      id: paragraphIds[u]!,
      text: piece.text,
      line: piece.startLine,
      file: piece.file,
      occurrences,
    };
    if (piece.role !== "body") paragraph.role = piece.role;
    paragraphs[u] = paragraph;
    roleOfShown[u] = piece.role;
  }
  function occurrenceOf(q: number): ArchiveParagraph["occurrences"][number] {
    const block = pieces[q]!;
    return { file: block.file, line: block.startLine, document: docIds[documentOf[q]!]! };
  }

  // Documents showing each paragraph; most paragraphs are in one document, so only lists for the rest.
  const firstDocument = new Int32Array(distinct).fill(-1);
  const documentsOfShown = new Map<number, number[]>();
  // 1 for the paragraphs with a list, so that the others are not looked up.
  const inSeveral = new Uint8Array(distinct);
  drafts.forEach((draft, d) => {
    for (const u of draft.order) {
      const first = firstDocument[u]!;
      if (first === -1) firstDocument[u] = d;
      else if (first !== d) {
        const list = documentsOfShown.get(u) ?? [first];
        if (!list.includes(d)) list.push(d);
        documentsOfShown.set(u, list);
        inSeveral[u] = 1;
      }
    }
  });

  // Per document: its title, then each copy's title without the outlet (see `linkReadingList`).
  const titles: string[][] = [];
  const documents = drafts.map((draft, d): ArchiveDocument => {
    const single = draft.copies.length === 1;
    const canonicalSet = single
      ? undefined
      : new Set(content.get(draft.canonical)!.map((p) => shownAs[p]!));
    const copies = draft.copies.map((article): DocumentCopy => {
      const model = input.articles[article]!;
      const first = pieces[model.pieces[0]!]!;
      const last = pieces[model.pieces[model.pieces.length - 1]!]!;
      const title = model.headline < 0 ? "" : pieces[model.headline]!.text.trim();
      const copy: DocumentCopy = {
        file: model.file,
        startLine: first.startLine,
        endLine: last.endLine,
        title,
        paragraphs: content.get(article)!.length,
        missing: [],
        extra: [],
        front: [],
        canonical: article === draft.canonical,
      };
      if (single) return copy;
      const shownHere = new Set(content.get(article)!.map((p) => shownAs[p]!));
      const ownFront = new Set(draft.front.get(article) ?? []);
      copy.missing = draft.order
        .filter((u) => !shownHere.has(u) && !FRONT.has(roleOfShown[u]!))
        .map((u) => paragraphIds[u]!);
      copy.extra = [...shownHere]
        .filter((u) => !canonicalSet!.has(u) && !ownFront.has(u))
        .map((u) => paragraphIds[u]!);
      copy.front = [...ownFront].map((u) => paragraphs[u]!);
      const diff = (draft.variants.get(article) ?? []).map(
        ({ piece: p, canonicalText }): ParagraphVariant => {
          const block = pieces[p]!;
          const { parts, rewritten } = wordDiff(canonicalText, block.text);
          const variant: ParagraphVariant = {
            paragraph: paragraphIds[shownAs[p]!]!,
            line: block.startLine,
            text: block.text,
            parts,
          };
          if (rewritten) variant.rewritten = true;
          return variant;
        },
      );
      if (diff.length > 0) copy.diff = diff;
      return copy;
    });
    const sharedParagraphs: ArchiveDocument["sharedParagraphs"] = [];
    for (const u of draft.order) {
      if (inSeveral[u] === 0) continue;
      const others = documentsOfShown.get(u)!;
      sharedParagraphs.push({
        paragraph: paragraphIds[u]!,
        documents: others.filter((other) => other !== d).map((other) => docIds[other]!),
      });
    }
    const documentParagraphs = draft.order.map((u) => paragraphs[u]!);
    const copyTitles = copies.map((copy) => stripOutlet(copy.title));
    const title = titleOf(copies, copyTitles, documentParagraphs);
    titles[d] = [title, ...copyTitles];
    return {
      id: docIds[d]!,
      title,
      paragraphs: documentParagraphs,
      copies,
      syndicated: !single && new Set(copies.map((copy) => copy.file)).size > 1,
      sharedParagraphs,
    };
  });
  linkReadingList(documents, titles);
  return {
    documents,
    shownAs,
    documentOf,
    variant,
    kept,
    paragraphIds,
    shownParagraphs: shownOrder.length,
  };
}

/**
 * The best headline: the most common copy headline (outlet suffix removed: `stripped`, one per
 * copy), else the opening.
 */
function titleOf(
  copies: readonly DocumentCopy[],
  stripped: readonly string[],
  paragraphs: readonly ArchiveParagraph[],
): string {
  const only = copies.length === 1 ? copies[0]! : undefined;
  if (only && only.title !== "") return stripped[0]!;
  const counts = new Map<string, { title: string; count: number }>();
  const canonical = copies.findIndex((copy) => copy.canonical);
  const order = copies.map((_, i) => i).filter((i) => i !== canonical);
  if (canonical >= 0) order.unshift(canonical);
  for (const i of order) {
    if (copies[i]!.title === "") continue;
    const title = stripped[i]!;
    const key = normalise(title);
    const entry = counts.get(key) ?? { title, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  let best: { title: string; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  if (best) return best.title;
  const opening = paragraphs.find((p) => p.role === undefined) ?? paragraphs[0];
  return opening ? shorten(opening.text) : "";
}

/** `[.,:;!?]`: punctuation that may end a title where it is quoted but not where it heads. */
function isClosingPunctuation(c: number): boolean {
  return c === 46 || c === 44 || c === 58 || c === 59 || c === 33 || c === 63;
}

/**
 * Links reading-list items (“Title”, date, outlet…) to the documents whose titles they quote.
 * `titles` holds, per document, its title and then its copies' titles without the outlet.
 */
function linkReadingList(documents: ArchiveDocument[], titles: readonly string[][]): void {
  const byTitle = new Map<string, string>();
  documents.forEach((document, d) => {
    const list = titles[d]!;
    for (let i = 0; i < list.length; i++) {
      const title = list[i]!;
      // A title met before in the list, or an empty one, would add nothing.
      if (title === "" || list.indexOf(title) < i) continue;
      const key = withoutTrailing(normalise(title), isClosingPunctuation);
      if (key.length >= 8 && !byTitle.has(key)) byTitle.set(key, document.id);
    }
  });
  for (const document of documents) {
    for (const paragraph of document.paragraphs) {
      if (paragraph.role !== "list-item" || paragraph.announces) continue;
      for (const phrase of quotedPhrases(paragraph.text)) {
        const target = byTitle.get(withoutTrailing(normalise(phrase), isClosingPunctuation));
        if (target && target !== document.id) {
          paragraph.announces = target;
          break;
        }
      }
    }
  }
}
