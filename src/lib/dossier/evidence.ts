import type { Archive, ArchiveDocument, LedgerEntry } from "../archive/index.ts";
import type { Source } from "../../schemas/sources.ts";
import type { Syndication } from "../reliability/origins.ts";

/** The archive path label of a capture named in sources.yaml (relative to data/archives/). */
export function captureLabel(capture: string): string {
  return `data/archives/${capture}`;
}

/** One document as shown on an incident page: which sources published it and where. */
export interface SourceDocument {
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
}

/** Selects the part of the processed archive that belongs to an incident's sources. */
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
  const documents: SourceDocument[] = [];
  for (const document of archive.documents) {
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
  const wanted = new Set(captures);
  return {
    documents,
    documentsOf,
    syndication,
    ledger: archive.ledger.filter((entry) => wanted.has(entry.file)),
    captures,
  };
}
