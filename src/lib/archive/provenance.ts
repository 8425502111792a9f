/**
 * Where each capture came from: its SHA-256, size and format, and the original URL, capture time
 * and capturing tool as the capture says (see `CaptureMetadata`) or, failing that, as an
 * archiving tool's sidecar beside it says: auto-archiver's `metadata.json` (url, timestamp,
 * `SHA-256:<hex>` hashes of its media), ArchiveBox's `index.json` (url, timestamp) and a
 * `hashes.txt` in sha256sum's format. A sidecar's hash that does not match its file is an error
 * naming both; the originals are only read.
 */
import { createHash } from "node:crypto";
import type { CasefileProblem } from "../errors.ts";
import type { CaptureMetadata } from "./formats/index.ts";
import type { CaptureInput, CaptureProvenance } from "./types.ts";

/** The SHA-256 of bytes, in hex. */
function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** What the sidecars of one folder say. */
interface FolderFacts {
  url?: string;
  capturedAt?: string;
  tool?: string;
  /** The sidecars read. */
  sidecars: string[];
}

/** The folder of a path (without the trailing slash; "" at the top). */
function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

/** The name of a path in its folder. */
function nameOf(file: string): string {
  return file.slice(file.lastIndexOf("/") + 1);
}

/** A timestamp as ISO 8601: Unix seconds (ArchiveBox), or any date `Date` reads; as written otherwise. */
function isoOf(value: unknown): string | undefined {
  if (typeof value === "number" || (typeof value === "string" && /^\d{9,}(?:\.\d+)?$/.test(value)))
    return new Date(Number(value) * 1000).toISOString();
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Parses JSON, or undefined. */
function json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** Every `{ filename|key|path, …"SHA-256:<hex>"… }` pair in auto-archiver's metadata. */
function autoArchiverHashes(value: unknown, out: Map<string, string>, depth = 0): void {
  if (depth > 8 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) autoArchiverHashes(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  const name = [record["filename"], record["key"], record["path"]].find(
    (candidate): candidate is string => typeof candidate === "string",
  );
  if (name !== undefined) {
    const found = /SHA-?256:([0-9a-f]{64})/i.exec(JSON.stringify(record));
    if (found) out.set(nameOf(name), found[1]!.toLowerCase());
  }
  for (const child of Object.values(record)) autoArchiverHashes(child, out, depth + 1);
}

/** The hashes of a `hashes.txt` (`<hex>  <name>` or `<hex> *<name>` per line). */
function sumHashes(bytes: Uint8Array, out: Map<string, string>): void {
  for (const line of new TextDecoder().decode(bytes).split(/\r?\n/)) {
    const found = /^([0-9a-f]{64}) [ *](.+)$/i.exec(line.trim());
    if (found) out.set(nameOf(found[2]!.trim()), found[1]!.toLowerCase());
  }
}

/**
 * Reads the sidecars among captures: what each folder's say, and a problem for each file whose
 * SHA-256 is not the one a sidecar beside it gives.
 */
export function readSidecars(inputs: readonly CaptureInput[]): {
  folders: Map<string, FolderFacts>;
  problems: CasefileProblem[];
} {
  const folders = new Map<string, FolderFacts>();
  const problems: CasefileProblem[] = [];
  const byPath = new Map(inputs.map((input) => [input.file, input]));
  const facts = (folder: string): FolderFacts => {
    let found = folders.get(folder);
    if (found === undefined) folders.set(folder, (found = { sidecars: [] }));
    return found;
  };
  for (const input of inputs) {
    const name = nameOf(input.file).toLowerCase();
    const folder = folderOf(input.file);
    const hashes = new Map<string, string>();
    if (name === "metadata.json" || name === "index.json") {
      const data = json(input.bytes);
      if (typeof data !== "object" || data === null) continue;
      const record = data as Record<string, unknown>;
      const inner = (
        typeof record["metadata"] === "object" && record["metadata"] !== null
          ? record["metadata"]
          : record
      ) as Record<string, unknown>;
      const into = facts(folder);
      into.sidecars.push(input.file);
      const url = [inner["url"], record["url"]].find((v): v is string => typeof v === "string");
      if (url !== undefined) into.url ??= url;
      const time = isoOf(inner["timestamp"] ?? record["timestamp"] ?? record["_processed_at"]);
      if (time !== undefined) into.capturedAt ??= time;
      into.tool ??= name === "index.json" ? "ArchiveBox" : "auto-archiver";
      if (name === "metadata.json") autoArchiverHashes(record, hashes);
    } else if (name === "hashes.txt") {
      facts(folder).sidecars.push(input.file);
      sumHashes(input.bytes, hashes);
    }
    for (const [file, expected] of hashes) {
      const target = byPath.get(folder === "" ? file : `${folder}/${file}`);
      if (target === undefined) continue;
      const actual = sha256(target.bytes);
      if (actual === expected) continue;
      problems.push({
        file: input.file,
        message: `gives ${target.file} the SHA-256 ${expected}, but the file's is ${actual}`,
        hint: `the capture is not the file the archiving tool hashed: restore the original ${nameOf(target.file)} from the tool's output (never edit a capture), or remove the sidecar if it belongs to another capture`,
      });
    }
  }
  return { folders, problems };
}

/** A capture's provenance, from what it says of itself and what its folder's sidecars say. */
export function provenanceOf(
  input: CaptureInput,
  format: string,
  metadata: CaptureMetadata | undefined,
  folders: ReadonlyMap<string, FolderFacts>,
): CaptureProvenance {
  const provenance: CaptureProvenance = { format, sha256: sha256(input.bytes) };
  const sidecar = folders.get(folderOf(input.file));
  const url = metadata?.savedFrom ?? metadata?.url ?? sidecar?.url;
  const capturedAt = metadata?.savedAt ?? sidecar?.capturedAt;
  const tool = metadata?.tool ?? sidecar?.tool;
  if (url !== undefined) provenance.url = url;
  if (capturedAt !== undefined) provenance.capturedAt = capturedAt;
  if (tool !== undefined) provenance.tool = tool;
  if (metadata?.title !== undefined) provenance.title = metadata.title;
  if (sidecar !== undefined && sidecar.sidecars.length > 0)
    provenance.sidecars = [...sidecar.sidecars].sort();
  return provenance;
}
