import { describe, expect, it } from "vitest";
import { listCaptureDocuments } from "../../../src/lib/archive/capture-documents.ts";
import {
  processCaptures,
  type ArchiveDocument,
  type CaptureSummary,
} from "../../../src/lib/archive/index.ts";

/** A summary of a capture with no documents listed yet. */
function summary(file: string): CaptureSummary {
  return {
    file,
    encoding: "utf-8",
    bytes: 0,
    lines: 0,
    wrapped: false,
    documents: [],
    provenance: { format: "text", sha256: "" },
  };
}

/** A document with one copy per file given (a file twice: two copies in one capture). */
function document(id: string, files: string[]): ArchiveDocument {
  const copies = files.map((file) => ({
    file,
    startLine: 1,
    endLine: 1,
    title: "",
    paragraphs: 1,
    missing: [],
    extra: [],
    front: [],
    canonical: false,
  }));
  return { id, title: "", paragraphs: [], copies, syndicated: false, sharedParagraphs: [] };
}

describe("the documents of each capture", () => {
  it("lists each document once, in document order, under every capture with a copy of it", () => {
    const summaries = [summary("a.txt"), summary("b.txt")];
    listCaptureDocuments(summaries, [
      document("d-1", ["a.txt", "b.txt"]),
      document("d-2", ["b.txt", "b.txt"]),
      document("d-3", ["a.txt"]),
    ]);
    expect(summaries.map((s) => s.documents)).toEqual([
      ["d-1", "d-3"],
      ["d-1", "d-2"],
    ]);
  });

  it("lists the 400,000 documents of one capture at once", () => {
    // A forum thread pasted with a separator after every post is one document per post; searching
    // the list before each addition took minutes.
    const documents = Array.from({ length: 400_000 }, (_, i) => document(`d-${i}`, ["a.txt"]));
    const summaries = [summary("a.txt")];
    listCaptureDocuments(summaries, documents);
    expect(summaries[0]!.documents).toHaveLength(400_000);
    expect(summaries[0]!.documents[399_999]).toBe("d-399999");
  });

  it("are listed in each capture's summary by processCaptures", () => {
    const text = Array.from({ length: 50 }, (_, i) => `Post ${i} of a thread.\n-----`).join("\n");
    const archive = processCaptures([{ file: "a.txt", bytes: new TextEncoder().encode(text) }]);
    expect(archive.files[0]!.documents).toEqual(archive.documents.map((d) => d.id));
    expect(archive.documents).toHaveLength(50);
  });
});
