import type { Archive, ArchiveDocument, LedgerEntry } from "../archive/index.ts";
import { captureFacts, type CaptureFacts } from "./capture-facts.ts";
import type { Source } from "../../schemas/sources.ts";
import type { Syndication } from "../reliability/origins.ts";

/** The archive path label of a capture named in sources.yaml (relative to data/archives/). */
function captureLabel(capture: string): string {
  return `data/archives/${capture}`;
}

/** The capture path labels of an incident's sources: what its part of the archive is read for. */
export function incidentCaptures(sources: readonly Source[]): string[] {
  return sources.flatMap((source) => source.captures.map(captureLabel));
}

/** One document as shown on an incident page: which sources published it and where. */
interface SourceDocument {
  /** The merged document. */
  document: ArchiveDocument;
  /** Sources of this incident whose captures hold a copy, in sources.yaml order. */
  sources: string[];
  /** The source under which the text is shown (the first); the others link to it. */
  shownUnder: string;
}

/** The archive's view of one incident: its documents, syndication and ledger. */
export interface IncidentEvidence {
  /** Documents with a copy in any capture of the incident, in first-source order. */
  documents: SourceDocument[];
  /** Documents per source id, in order. */
  documentsOf: Map<string, SourceDocument[]>;
  /** Documents published by two or more of the incident's sources: one origin for reliability. */
  syndication: Syndication[];
  /** Ledger entries of the incident's captures, in file and line order. */
  ledger: LedgerEntry[];
  /** The incident's capture labels, sorted. */
  captures: string[];
  /** Each capture's provenance (format, hash, URL, capture time), by label. */
  facts: Map<string, CaptureFacts>;
}

/** Where each capture file's documents and ledger entries sit in an archive (positions, in order). */
interface ArchiveIndex {
  /** Positions in `archive.documents` of the documents with a copy in the file. */
  documents: Map<string, number[]>;
  /** Positions in `archive.ledger` of the file's entries. */
  ledger: Map<string, number[]>;
}

const indexes = new WeakMap<Archive, ArchiveIndex>();

/** The archive's index by capture file, built once per archive object. */
function indexOf(archive: Archive): ArchiveIndex {
  let index = indexes.get(archive);
  if (!index) {
    const documents = new Map<string, number[]>();
    archive.documents.forEach((document, position) => {
      for (const file of new Set(document.copies.map((copy) => copy.file))) {
        const list = documents.get(file);
        if (list) list.push(position);
        else documents.set(file, [position]);
      }
    });
    const ledger = new Map<string, number[]>();
    archive.ledger.forEach((entry, position) => {
      const list = ledger.get(entry.file);
      if (list) list.push(position);
      else ledger.set(entry.file, [position]);
    });
    index = { documents, ledger };
    indexes.set(archive, index);
  }
  return index;
}

/** The positions listed under any of `files`, once each, in archive order. */
function positionsOf(lists: Map<string, number[]>, files: Iterable<string>): number[] {
  const positions = new Set<number>();
  for (const file of files) for (const position of lists.get(file) ?? []) positions.add(position);
  return [...positions].sort((a, b) => a - b);
}

/**
 * Selects the part of the processed archive that belongs to an incident's sources. The archive is
 * indexed by capture file once, so that a site of many incidents costs no scan of the whole
 * archive per incident.
 */
export function incidentEvidence(archive: Archive, sources: readonly Source[]): IncidentEvidence {
  const sourcesOfCapture = new Map<string, string[]>();
  for (const source of sources) {
    for (const capture of source.captures) {
      const label = captureLabel(capture);
      sourcesOfCapture.set(label, [...(sourcesOfCapture.get(label) ?? []), source.id]);
    }
  }
  const order = new Map(sources.map((source, index) => [source.id, index]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const index = indexOf(archive);
  const documents: SourceDocument[] = [];
  for (const position of positionsOf(index.documents, sourcesOfCapture.keys())) {
    const document = archive.documents[position]!;
    const owners = new Set(
      document.copies.flatMap((copy) => sourcesOfCapture.get(copy.file) ?? []),
    );
    if (owners.size === 0) continue;
    const ids = [...owners].sort(byOrder);
    documents.push({ document, sources: ids, shownUnder: ids[0] ?? "" });
  }
  documents.sort((a, b) => byOrder(a.shownUnder, b.shownUnder));
  const documentsOf = new Map<string, SourceDocument[]>(sources.map((source) => [source.id, []]));
  for (const entry of documents) for (const id of entry.sources) documentsOf.get(id)?.push(entry);
  // A compilation (a source whose captures hold several documents) republishes several origins;
  // letting it join each of them would merge origins that are independent of one another.
  const compilations = new Set(
    [...documentsOf].filter(([, list]) => list.length > 1).map(([id]) => id),
  );
  const syndication = documents
    .map((entry) => ({
      documentId: entry.document.id,
      sources: entry.sources.filter((id) => !compilations.has(id)),
    }))
    .filter((entry) => entry.sources.length > 1);
  const captures = [...sourcesOfCapture.keys()].sort();
  const facts = new Map<string, CaptureFacts>();
  for (const summary of archive.files)
    if (sourcesOfCapture.has(summary.file)) facts.set(summary.file, captureFacts(summary));
  return {
    documents,
    documentsOf,
    syndication,
    ledger: positionsOf(index.ledger, captures).map((position) => archive.ledger[position]!),
    captures,
    facts,
  };
}
