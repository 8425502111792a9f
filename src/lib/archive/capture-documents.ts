/**
 * Which documents each capture holds a copy of, for its summary in the processing report. A
 * capture of many short articles (a forum thread, a list of posts) holds as many documents, so each
 * capture's list is kept beside a set rather than searched before every addition.
 */
import type { ArchiveDocument, CaptureSummary } from "./types.ts";

/** Adds to each capture's summary the ids of the documents with a copy in it: each once, in order. */
export function listCaptureDocuments(
  summaries: readonly CaptureSummary[],
  documents: readonly ArchiveDocument[],
): void {
  const byFile = new Map(summaries.map((summary) => [summary.file, summary]));
  const listed = new Map<string, Set<string>>();
  for (const document of documents) {
    for (const copy of document.copies) {
      const summary = byFile.get(copy.file)!;
      let ids = listed.get(copy.file);
      if (!ids) listed.set(copy.file, (ids = new Set(summary.documents)));
      if (ids.has(document.id)) continue;
      ids.add(document.id);
      summary.documents.push(document.id);
    }
  }
}
