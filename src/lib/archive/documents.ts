/**
 * From clusters of articles to documents. The most complete copy supplies the canonical text;
 * other copies are aligned to it paragraph by paragraph (same text, an edited version with a
 * word diff, or an extra paragraph inserted where it appears). Every paragraph keeps its
 * provenance: each file and line where it was found.
 */
import { diffWords } from "diff";
import { hexDigest, paragraphId } from "./fingerprint.ts";
import { normalise } from "./normalise.ts";
import { isProse, type ParagraphRole } from "./roles.ts";
import type { BoilerplateLabel } from "./boilerplate.ts";
import type { Block } from "./segment.ts";
import type { ArchiveDocument, ArchiveParagraph, DiffPart, DocumentCopy, ParagraphVariant } from "./types.ts";

/** One paragraph occurrence in the corpus (a block with its verdicts). */
export interface Piece {
  /** The block (text, file, lines). */
  block: Block;
  /** Global index of its article. */
  article: number;
  /** Boilerplate verdict, if any. */
  label: BoilerplateLabel | undefined;
  /** Role in its article. */
  role: ParagraphRole;
  /** Index of its distinct normalised text, -1 for boilerplate. */
  unique: number;
}

/** One article's pieces (global piece indices, in reading order). */
export interface ArticleModel {
  /** Capture path label. */
  file: string;
  /** Piece indices. */
  pieces: number[];
}

/** Everything document building needs. */
export interface DocumentInput {
  /** All pieces in input order. */
  pieces: readonly Piece[];
  /** All articles in input order. */
  articles: readonly ArticleModel[];
  /** Cluster root of each article. */
  roots: Int32Array;
  /** Distinct normalised texts. */
  keys: readonly string[];
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
  /** Paragraph id of each shown distinct text. */
  paragraphIds: Map<number, string>;
}

/** Roles that describe one copy (its headline, byline, date) rather than the article's text. */
const FRONT: ReadonlySet<ParagraphRole> = new Set(["headline", "byline", "dateline"]);

const OUTLET_SUFFIX = /\s+[-–—|]\s+[^-–—|]{2,40}$/u;

/** A headline without a trailing " - Outlet" or " | Outlet". */
export function stripOutlet(title: string): string {
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
    chars += piece.block.text.length;
    if (isProse(piece.block.text)) prose.add(piece.unique);
  }
  return [prose.size, chars];
}

/** Picks the canonical copy: most prose paragraphs, then most text, then first. */
function canonicalOf(input: DocumentInput, copies: readonly number[], content: Map<number, number[]>): number {
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

/** Word diff parts as plain data. */
function wordDiff(canonical: string, copy: string): DiffPart[] {
  return diffWords(canonical, copy).map((change) => ({
    value: change.value,
    ...(change.added ? { added: true as const } : {}),
    ...(change.removed ? { removed: true as const } : {}),
  }));
}

/** Unique id for content: a digest, with a counter suffix on the (unlikely) collision. */
function uniqueId(prefix: string, digest: string, taken: Set<string>): string {
  let id = prefix + digest;
  for (let n = 2; taken.has(id); n++) id = `${prefix}${digest}-${n}`;
  taken.add(id);
  return id;
}

/** Builds documents from article clusters. */
export function buildDocuments(input: DocumentInput): DocumentResult {
  const { pieces, keys } = input;
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
  for (const copies of clusters.values()) {
    const canonical = canonicalOf(input, copies, content);
    const d = drafts.length;
    const order: number[] = [];
    const inDoc = new Set<number>();
    const nearToShown = new Map<number, number>();
    const textOf = new Map<number, string>();
    const add = (unique: number, at: number, p: number): void => {
      order.splice(at, 0, unique);
      inDoc.add(unique);
      textOf.set(unique, pieces[p]!.block.text);
      const group = input.nearGroup(unique);
      if (!nearToShown.has(group)) nearToShown.set(group, unique);
    };
    for (const p of content.get(canonical)!) {
      const u = pieces[p]!.unique;
      if (!inDoc.has(u)) add(u, order.length, p);
      shownAs[p] = u;
      documentOf[p] = d;
    }
    const variants = new Map<number, { piece: number; canonicalText: string }[]>();
    const front = new Map<number, number[]>();
    for (const article of copies) {
      if (article === canonical) continue;
      let position = 0;
      for (const p of content.get(article)!) {
        const piece = pieces[p]!;
        const u = piece.unique;
        let shown = inDoc.has(u) ? u : nearToShown.get(input.nearGroup(u));
        if (shown === undefined && FRONT.has(piece.role)) {
          // A copy's own headline or byline describes the copy, not the document's text.
          front.set(article, [...(front.get(article) ?? []), u]);
          shownAs[p] = u;
          documentOf[p] = d;
          continue;
        }
        if (shown === undefined) {
          add(u, position, p);
          shown = u;
        } else if (shown !== u) {
          variant[p] = 1;
          const list = variants.get(article) ?? [];
          list.push({ piece: p, canonicalText: textOf.get(shown)! });
          variants.set(article, list);
        }
        shownAs[p] = shown;
        documentOf[p] = d;
        position = Math.max(position, order.indexOf(shown) + 1);
      }
    }
    for (const article of copies) for (const p of input.articles[article]!.pieces) documentOf[p] = d;
    drafts.push({ copies, canonical, order, variants, front });
  }

  // Kept occurrence: the first piece shown as its own text.
  const keptPiece = new Map<number, number>();
  pieces.forEach((piece, p) => {
    const shown = shownAs[p]!;
    if (shown >= 0 && shown === piece.unique && !keptPiece.has(shown)) {
      keptPiece.set(shown, p);
      kept[p] = 1;
    }
  });

  // Ids: documents from their canonical text, paragraphs from their normalised text.
  const takenParagraphs = new Set<string>();
  const paragraphIds = new Map<number, string>();
  // keptPiece is filled in piece order, so ids are assigned in input order (collisions resolve stably).
  for (const u of keptPiece.keys()) {
    paragraphIds.set(u, uniqueId("", paragraphId(keys[u]!), takenParagraphs));
  }
  const takenDocs = new Set<string>();
  const docIds = drafts.map((draft) => uniqueId("d-", hexDigest(draft.order.map((u) => paragraphIds.get(u)).join(" ")), takenDocs));

  // Paragraph objects, one per shown text, shared by every document that shows it.
  const occurrences = new Map<number, number[]>();
  pieces.forEach((_, p) => {
    const shown = shownAs[p]!;
    if (shown < 0) return;
    const list = occurrences.get(shown);
    if (list) list.push(p);
    else occurrences.set(shown, [p]);
  });
  const paragraphs = new Map<number, ArchiveParagraph>();
  const roleOfShown = new Map<number, ParagraphRole>();
  for (const [u, p] of keptPiece) {
    const piece = pieces[p]!;
    const list = occurrences.get(u)!;
    const ordered = [p, ...list.filter((q) => q !== p)];
    const paragraph: ArchiveParagraph = {
      id: paragraphIds.get(u)!,
      text: piece.block.text,
      line: piece.block.startLine,
      file: piece.block.file,
      occurrences: ordered.map((q) => ({
        file: pieces[q]!.block.file,
        line: pieces[q]!.block.startLine,
        document: docIds[documentOf[q]!]!,
      })),
      ...(piece.role !== "body" ? { role: piece.role } : {}),
    };
    paragraphs.set(u, paragraph);
    roleOfShown.set(u, piece.role);
  }

  // Documents showing each paragraph; most paragraphs are in one document, so only lists for the rest.
  const firstDocument = new Map<number, number>();
  const documentsOfShown = new Map<number, number[]>();
  drafts.forEach((draft, d) => {
    for (const u of draft.order) {
      const first = firstDocument.get(u);
      if (first === undefined) firstDocument.set(u, d);
      else if (first !== d) {
        const list = documentsOfShown.get(u) ?? [first];
        if (!list.includes(d)) list.push(d);
        documentsOfShown.set(u, list);
      }
    }
  });

  const documents = drafts.map((draft, d): ArchiveDocument => {
    const canonicalSet = new Set(content.get(draft.canonical)!.map((p) => shownAs[p]!));
    const copies = draft.copies.map((article): DocumentCopy => {
      const model = input.articles[article]!;
      const first = pieces[model.pieces[0]!]!.block;
      const last = pieces[model.pieces[model.pieces.length - 1]!]!.block;
      const shownHere = new Set(content.get(article)!.map((p) => shownAs[p]!));
      const ownFront = new Set(draft.front.get(article) ?? []);
      const headline = model.pieces.map((p) => pieces[p]!).find((piece) => piece.role === "headline");
      const diff = (draft.variants.get(article) ?? []).map(({ piece: p, canonicalText }): ParagraphVariant => {
        const block = pieces[p]!.block;
        return { paragraph: paragraphIds.get(shownAs[p]!)!, line: block.startLine, text: block.text, parts: wordDiff(canonicalText, block.text) };
      });
      return {
        file: model.file,
        startLine: first.startLine,
        endLine: last.endLine,
        title: headline?.block.text.trim() ?? "",
        paragraphs: content.get(article)!.length,
        missing: draft.order.filter((u) => !shownHere.has(u) && !FRONT.has(roleOfShown.get(u)!)).map((u) => paragraphIds.get(u)!),
        extra: [...shownHere].filter((u) => !canonicalSet.has(u) && !ownFront.has(u)).map((u) => paragraphIds.get(u)!),
        front: [...ownFront].map((u) => paragraphs.get(u)!),
        ...(diff.length > 0 ? { diff } : {}),
        canonical: article === draft.canonical,
      };
    });
    const files = new Set(copies.map((copy) => copy.file));
    const sharedParagraphs = draft.order
      .filter((u) => documentsOfShown.has(u))
      .map((u) => ({
        paragraph: paragraphIds.get(u)!,
        documents: documentsOfShown.get(u)!.filter((other) => other !== d).map((other) => docIds[other]!),
      }));
    return {
      id: docIds[d]!,
      title: titleOf(copies, draft.order.map((u) => paragraphs.get(u)!)),
      paragraphs: draft.order.map((u) => paragraphs.get(u)!),
      copies,
      syndicated: files.size > 1,
      sharedParagraphs,
    };
  });
  linkReadingList(documents);
  return { documents, shownAs, documentOf, variant, kept, paragraphIds };
}

/** The best headline: the most common copy headline (outlet suffix removed), else the opening. */
function titleOf(copies: readonly DocumentCopy[], paragraphs: readonly ArchiveParagraph[]): string {
  const counts = new Map<string, { title: string; count: number }>();
  const canonical = copies.find((copy) => copy.canonical);
  for (const copy of [...(canonical ? [canonical] : []), ...copies.filter((c) => c !== canonical)]) {
    if (copy.title === "") continue;
    const title = stripOutlet(copy.title);
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

const QUOTED = /[“"‘]([^”"’]{8,200})[”"’]/gu;

/** Links reading-list items (“Title”, date, outlet…) to the documents whose titles they quote. */
function linkReadingList(documents: ArchiveDocument[]): void {
  const byTitle = new Map<string, string>();
  for (const document of documents) {
    for (const title of [document.title, ...document.copies.map((copy) => stripOutlet(copy.title))]) {
      const key = normalise(title).replace(/[.,:;!?]+$/, "");
      if (key.length >= 8 && !byTitle.has(key)) byTitle.set(key, document.id);
    }
  }
  for (const document of documents) {
    for (const paragraph of document.paragraphs) {
      if (paragraph.role !== "list-item" || paragraph.announces) continue;
      for (const match of paragraph.text.matchAll(QUOTED)) {
        const target = byTitle.get(normalise(match[1]!).replace(/[.,:;!?]+$/, ""));
        if (target && target !== document.id) {
          paragraph.announces = target;
          break;
        }
      }
    }
  }
}
