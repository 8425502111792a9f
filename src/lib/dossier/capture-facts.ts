/**
 * A capture's provenance as readers see it: format, SHA-256 (short, with the full one), size,
 * original URL, capture time and tool. One shape for the incident page, the processing report
 * and `sources.json`.
 */
import type { CaptureSummary } from "../archive/index.ts";

/** Names of the capture formats as readers know them. */
const formatNames: Record<string, string> = {
  html: "HTML page",
  mhtml: "MHTML page",
  wacz: "WACZ web archive",
  warc: "WARC web archive",
  pdf: "PDF",
  text: "text",
  attachment: "attachment",
};

/** One capture's facts, ready to show or export. */
export interface CaptureFacts {
  /** Site-relative path label (`data/archives/…`). */
  file: string;
  /** Path relative to data/archives/, as sources.yaml names it. */
  path: string;
  /** Format name (`html`, `wacz`, `pdf`…). */
  format: string;
  /** The format as readers call it ("WACZ web archive"). */
  formatName: string;
  /** SHA-256 in hex. */
  sha256: string;
  /** Its first 12 hex digits, for display beside the full one. */
  shortHash: string;
  /** Size in bytes. */
  bytes: number;
  /** True for a file kept as evidence but not read (a screenshot, a sidecar). */
  attachment: boolean;
  /** The address it was captured from, when known. */
  url: string | null;
  /** When it was captured (ISO 8601), when known. */
  capturedAt: string | null;
  /** The capturing tool, when known. */
  tool: string | null;
  /** Sidecar files that were read for it. */
  sidecars: string[];
}

/** The facts of one capture, from its summary in the archive. */
export function captureFacts(summary: CaptureSummary): CaptureFacts {
  const { provenance } = summary;
  return {
    file: summary.file,
    path: summary.file.replace(/^data\/archives\//, ""),
    format: provenance.format,
    formatName: formatNames[provenance.format] ?? provenance.format,
    sha256: provenance.sha256,
    shortHash: provenance.sha256.slice(0, 12),
    bytes: summary.bytes,
    attachment: summary.attachment === true,
    url: provenance.url ?? null,
    capturedAt: provenance.capturedAt ?? null,
    tool: provenance.tool ?? null,
    sidecars: provenance.sidecars ?? [],
  };
}

/** A size as readers read it: 812 bytes, 14.2 KB, 3.1 MB. */
export function byteSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
