/**
 * The processed archive as the disk cache keeps it: the same data, with each capture path written
 * once and the ledger in columns. As plain JSON an archive repeats a capture's path three times
 * for every line (its ledger entry, its paragraph, the paragraph's occurrence), so that a capture
 * of short lines became some 60 times its size in JSON, and 4 MB of them took seconds to write and
 * read back and over 200 MB of disk; packed, it is a third of that (see docs/performance.md).
 * `unpackArchive(JSON.parse(JSON.stringify(packArchive(a))))` equals `a` as JSON sees it.
 */
import type { Archive, ArchiveDocument, ArchiveParagraph, LedgerEntry } from "../archive/types.ts";

/** A paragraph: id, text, line, file, then [file, line, document] per occurrence, flattened. */
type PackedParagraph =
  | [string, string, number, number, number[]]
  | [string, string, number, number, number[], string | null]
  | [string, string, number, number, number[], string | null, string];

/** A document with its paragraphs packed. */
type PackedDocument = Omit<ArchiveDocument, "paragraphs"> & { paragraphs: PackedParagraph[] };

/** The packed archive. */
export interface PackedArchive {
  /** Marks the packed form. */
  packed: 1;
  /** Capture paths, document ids and the ledger's reasons, each once; the rest refer by index. */
  names: string[];
  /** The ledger in columns, one element per entry (see `packLedger`). */
  ledger: {
    /** `names` index of the capture. */
    file: number[];
    /** Line. */
    line: number[];
    /** `k`ept, `d`uplicate or `b`oilerplate, one character per entry. */
    status: string;
    /** The paragraph kept or duplicated, or the boilerplate rule. */
    ref: string[];
    /** `names` index of the reason, -1 for none. */
    reason: number[];
    /** `names` index of the document, -1 for none. */
    document: number[];
  };
  /** Documents, paragraphs packed. */
  documents: PackedDocument[];
  /** As in the archive. */
  stats: Archive["stats"];
  /** As in the archive. */
  warnings: Archive["warnings"];
  /** As in the archive. */
  files: Archive["files"];
}

/** A table of strings, each given an index on first use. */
function interner(): { names: string[]; index: (name: string) => number } {
  const names: string[] = [];
  const indices = new Map<string, number>();
  return {
    names,
    index: (name) => {
      let index = indices.get(name);
      if (index === undefined) {
        index = names.length;
        names.push(name);
        indices.set(name, index);
      }
      return index;
    },
  };
}

/** The three shapes the engine writes ledger entries in (see `archive/ledger.ts`). */
const statusCodes = { kept: "k", duplicate: "d", boilerplate: "b" } as const;

/** Packs an archive for the disk cache. */
export function packArchive(archive: Archive): PackedArchive {
  const { names, index } = interner();
  const count = archive.ledger.length;
  const ledger: PackedArchive["ledger"] = {
    file: new Array<number>(count),
    line: new Array<number>(count),
    status: "",
    ref: new Array<string>(count),
    reason: new Array<number>(count),
    document: new Array<number>(count),
  };
  const status: string[] = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const entry = archive.ledger[i]!;
    ledger.file[i] = index(entry.file);
    ledger.line[i] = entry.line;
    status[i] = statusCodes[entry.status];
    ledger.ref[i] =
      (entry.status === "kept"
        ? entry.paragraph
        : entry.status === "duplicate"
          ? entry.duplicateOf
          : entry.rule) ?? "";
    ledger.reason[i] = entry.reason === undefined ? -1 : index(entry.reason);
    ledger.document[i] = entry.document === undefined ? -1 : index(entry.document);
  }
  ledger.status = status.join("");
  const packParagraph = (paragraph: ArchiveParagraph): PackedParagraph => {
    const occurrences: number[] = [];
    for (const { file, line, document } of paragraph.occurrences)
      occurrences.push(index(file), line, index(document));
    const head: [string, string, number, number, number[]] = [
      paragraph.id,
      paragraph.text,
      paragraph.line,
      index(paragraph.file),
      occurrences,
    ];
    if (paragraph.announces !== undefined)
      return [...head, paragraph.role ?? null, paragraph.announces];
    return paragraph.role === undefined ? head : [...head, paragraph.role];
  };
  const documents = archive.documents.map((document): PackedDocument => ({
    ...document,
    paragraphs: document.paragraphs.map(packParagraph),
  }));
  return {
    packed: 1,
    names,
    ledger,
    documents,
    stats: archive.stats,
    warnings: archive.warnings,
    files: archive.files,
  };
}

/** True for the packed form (a cache written before packing holds plain JSON). */
export function isPacked(data: unknown): data is PackedArchive {
  return typeof data === "object" && data !== null && (data as { packed?: unknown }).packed === 1;
}

/** The archive a packed one holds, as `JSON.parse` would give it unpacked. */
export function unpackArchive(packed: PackedArchive): Archive {
  const { names, ledger: columns } = packed;
  const count = columns.line.length;
  const ledger = new Array<LedgerEntry>(count);
  // One object literal per shape, fields in the engine's order (see `archive/ledger.ts`).
  for (let i = 0; i < count; i++) {
    const file = names[columns.file[i]!]!;
    const line = columns.line[i]!;
    const ref = columns.ref[i]!;
    const reason = columns.reason[i]! < 0 ? undefined : names[columns.reason[i]!]!;
    const d = columns.document[i]!;
    const code = columns.status.charCodeAt(i);
    if (code === 107)
      ledger[i] =
        d < 0
          ? { file, line, status: "kept", paragraph: ref }
          : { file, line, status: "kept", paragraph: ref, document: names[d]! };
    else if (code === 100)
      ledger[i] =
        d < 0
          ? { file, line, status: "duplicate", duplicateOf: ref, reason: reason! }
          : {
              file,
              line,
              status: "duplicate",
              duplicateOf: ref,
              reason: reason!,
              document: names[d]!,
            };
    else
      ledger[i] =
        d < 0
          ? { file, line, status: "boilerplate", rule: ref, reason: reason! }
          : { file, line, status: "boilerplate", rule: ref, reason: reason!, document: names[d]! };
  }
  const unpackParagraph = (packed: PackedParagraph): ArchiveParagraph => {
    const [id, text, line, file, flat] = packed;
    const occurrences: ArchiveParagraph["occurrences"] = [];
    for (let j = 0; j < flat.length; j += 3)
      occurrences.push({
        file: names[flat[j]!]!,
        line: flat[j + 1]!,
        document: names[flat[j + 2]!]!,
      });
    const paragraph: ArchiveParagraph = { id, text, line, file: names[file]!, occurrences };
    const role = packed[5];
    if (role !== undefined && role !== null)
      paragraph.role = role as NonNullable<ArchiveParagraph["role"]>;
    if (packed.length === 7) paragraph.announces = packed[6];
    return paragraph;
  };
  const documents = packed.documents.map((document): ArchiveDocument => ({
    ...document,
    paragraphs: document.paragraphs.map(unpackParagraph),
  }));
  return {
    documents,
    ledger,
    stats: packed.stats,
    warnings: packed.warnings,
    files: packed.files,
  };
}
