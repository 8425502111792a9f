import type { ArchiveParagraph, DocumentCopy } from "../archive/index.ts";
import type { CaptureFacts } from "./capture-facts.ts";
import type { Dossier } from "./dossier.ts";

/** A paragraph as the page shows it. */
interface ParagraphView {
  /** Stable anchor (`p-<hash>`), on the paragraph's first appearance on the page only. */
  anchor: string | undefined;
  /** The paragraph's id, for links to its first appearance. */
  id: string;
  /** Display text, unaltered. */
  text: string;
  /** Headline, byline, question, … when not body text. */
  role: string | undefined;
  /** Every place it occurs, as `file:line`. */
  occurrences: string[];
  /** Other documents that also contain it verbatim: their ids (anchors) and titles. */
  sharedWith: { id: string; title: string }[];
}

/** A document as shown under a source. */
interface DocumentView {
  /** Document id (`d-<hash>`), the anchor. */
  id: string;
  /** Headline. */
  title: string;
  /** True when the text is shown here; false when shown under another source. */
  shown: boolean;
  /** The source it is shown under. */
  shownUnder: string;
  /** The incident's sources that published it. */
  publishers: string[];
  /** Its paragraphs, when shown here. */
  paragraphs: ParagraphView[];
  /** The places it was found, each with its own headline, byline and dateline when they differ. */
  copies: { copy: DocumentCopy; front: ParagraphView[] }[];
  /** Lines recorded as duplicates of its paragraphs. */
  duplicates: number;
}

/** The deduplicated text of each source, in source order. */
export interface SourceTextView {
  /** Source id. */
  source: string;
  /** Source title. */
  title: string;
  /** Its captures' provenance (format, hash, URL, capture time), attachments included. */
  captures: CaptureFacts[];
  /** Its documents. */
  documents: DocumentView[];
}

/** What a document without a headline is called on the page (its id is only an anchor). */
const untitled = "Untitled document";

/** A document's headline, or what an untitled one is called. */
export function documentTitle(title: string): string {
  return title.trim() === "" ? untitled : title;
}

/** Each document of an incident by id (its anchor), with the title readers know it by. */
export function documentTitles(dossier: Dossier): Map<string, string> {
  return new Map(
    dossier.evidence.documents.map(({ document }) => [document.id, documentTitle(document.title)]),
  );
}

/** Turns an occurrence into `file:line` relative to data/archives/. */
function place(occurrence: { file: string; line: number }): string {
  return `${occurrence.file.replace(/^data\/archives\//, "")}:${occurrence.line}`;
}

/**
 * Lays out the source text of an incident: each unique document once (under the first source that
 * published it), each paragraph anchored once on the page, with where else it occurs.
 */
export function sourceTextView(dossier: Dossier): SourceTextView[] {
  const anchored = new Set<string>();
  const duplicateCount = new Map<string, number>();
  for (const entry of dossier.evidence.ledger) {
    if (entry.status === "duplicate" && entry.document)
      duplicateCount.set(entry.document, (duplicateCount.get(entry.document) ?? 0) + 1);
  }
  const onPage = new Set(dossier.evidence.documents.map(({ document }) => document.id));
  const titles = documentTitles(dossier);
  const shared = new Map<string, { id: string; title: string }[]>();
  for (const { document } of dossier.evidence.documents) {
    for (const item of document.sharedParagraphs)
      shared.set(
        `${document.id} ${item.paragraph}`,
        item.documents
          .filter((id) => id !== document.id && onPage.has(id))
          .map((id) => ({ id, title: titles.get(id) ?? untitled })),
      );
  }
  const paragraphView = (documentId: string, paragraph: ArchiveParagraph): ParagraphView => {
    const first = !anchored.has(paragraph.id);
    anchored.add(paragraph.id);
    return {
      anchor: first ? paragraph.id : undefined,
      id: paragraph.id,
      text: paragraph.text,
      role: paragraph.role,
      occurrences: paragraph.occurrences.map(place),
      sharedWith: shared.get(`${documentId} ${paragraph.id}`) ?? [],
    };
  };
  return dossier.sources
    .map((source) => ({
      source: source.id,
      title: source.title,
      captures: source.captures.flatMap((capture) => {
        const facts = dossier.evidence.facts.get(`data/archives/${capture}`);
        return facts ? [facts] : [];
      }),
      documents: (dossier.evidence.documentsOf.get(source.id) ?? []).map(
        ({ document, sources, shownUnder }) => {
          const shown = shownUnder === source.id;
          return {
            id: document.id,
            title: document.title,
            shown,
            shownUnder,
            publishers: sources,
            paragraphs: shown
              ? document.paragraphs.map((paragraph) => paragraphView(document.id, paragraph))
              : [],
            copies: document.copies.map((copy) => ({
              copy,
              front: shown
                ? copy.front.map((paragraph) => paragraphView(document.id, paragraph))
                : [],
            })),
            duplicates: duplicateCount.get(document.id) ?? 0,
          };
        },
      ),
    }))
    .filter((view) => view.documents.length > 0 || view.captures.length > 0);
}
