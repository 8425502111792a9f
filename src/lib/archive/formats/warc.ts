/**
 * Web archives (`.warc`, `.warc.gz`: Webrecorder, browsertrix, wget, Heritrix, auto-archiver):
 * the HTML pages among their `response` and `resource` records, each read by the HTML format
 * (so a page's menus and footers are labelled as on a saved page), its blocks placed in the WARC
 * file. Other records (requests, images, scripts, styles, metadata) are never read as text: a
 * capture's script is never run and never reaches a page. The first page's `WARC-Target-URI` and
 * `WARC-Date` say where and when it was saved; the `warcinfo` record's `software` names the tool.
 */
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from "node:zlib";
import { CasefileError } from "../../errors.ts";
import { captureLimits } from "./limits.ts";
import { extractPage } from "./html.ts";
import { isoTime } from "./html-metadata.ts";
import { PageCollector, type Placer } from "./page-collector.ts";
import type { CaptureFormat, CaptureMetadata } from "./types.ts";
import { headerEnd, headerFields, warcRecords, type WarcRecord } from "./warc-records.ts";
import { bombError, type InflateBudget } from "./zip.ts";

/** The WARC format: files named `.warc` or `.warc.gz`. */
export const warcFormat: CaptureFormat = {
  name: "warc",
  description: "web archives (.warc, .warc.gz)",
  block: "element",
  accepts: (capture) => /\.warc(?:\.gz)?$/i.test(capture.file),
  extract: ({ file, bytes }) => {
    const collector = new PageCollector(file, warcFormat);
    const budget = { used: 0 };
    const found = readWarc(file, bytes, budget, collector, 0);
    finish(file, collector, found, "the WARC");
    return collector.result();
  },
};

/** What a WARC said of its pages and the tool that wrote it. */
export interface WarcFindings {
  /** HTML pages read, by URL, with their capture time. */
  pages: { url: string; date?: string }[];
  /** The `software` of the `warcinfo` record. */
  software?: string;
}

/**
 * Reads the HTML pages of WARC bytes into `collector` (`offset`: where `bytes` starts in the
 * capture file; `label`: the capture, or the capture and the WACZ entry, for errors). `only`
 * limits the pages read to those URLs (a WACZ's pages.jsonl). `within`, for WARC bytes unpacked
 * from a deflated WACZ entry, is the entry's place in the capture: every block is placed on it.
 */
export function readWarc(
  label: string,
  bytes: Uint8Array,
  budget: InflateBudget,
  collector: PageCollector,
  offset: number,
  only?: ReadonlySet<string>,
  within?: { start: number; end: number },
): WarcFindings {
  const findings: WarcFindings = { pages: [] };
  const seen = new Set<string>();
  for (const record of warcRecords(label, bytes, budget, offset)) {
    const type = record.headers.get("warc-type");
    if (type === "warcinfo") {
      const software = headerFields(new TextDecoder().decode(record.block)).get("software");
      if (software !== undefined && findings.software === undefined) findings.software = software;
      continue;
    }
    if (type !== "response" && type !== "resource") continue;
    const url = record.headers.get("warc-target-uri")?.replace(/^<(.*)>$/, "$1") ?? "";
    if (only !== undefined && !only.has(url)) continue;
    if (seen.has(url)) continue;
    const page = htmlOf(label, record, type, budget);
    if (page === undefined) continue;
    seen.add(url);
    const extracted = extractPage(label, page.body, page.charset);
    collector.addPage(extracted, within === undefined ? page.place : () => within);
    const date = record.headers.get("warc-date");
    findings.pages.push(date === undefined ? { url } : { url, date });
    if (collector.metadata === undefined) {
      const saved: CaptureMetadata = { ...extracted.metadata, savedFrom: url };
      if (date !== undefined) saved.savedAt = isoTime(date);
      collector.metadata = saved;
    }
  }
  return findings;
}

/** Adds the capturing tool to the metadata, and warns when the archive held no page. */
export function finish(
  file: string,
  collector: PageCollector,
  findings: WarcFindings,
  what: string,
): void {
  if (findings.software !== undefined)
    collector.metadata = { ...collector.metadata, tool: findings.software };
  if (collector.pages === 0) {
    collector.warnings.push({
      file,
      message: `${what} holds no HTML page (no response record with a text/html body and status 200), so it has no text to archive`,
      hint: "archive the page itself, not only its images or scripts; a screenshot alone is kept as an attachment, not read",
    });
  }
}

/** An HTML body of a record, and where its bytes lie in the capture file. */
interface HtmlBody {
  body: Uint8Array;
  charset?: string;
  place: Placer;
}

/** The HTML page a response or resource record holds, or undefined for anything else. */
function htmlOf(
  label: string,
  record: WarcRecord,
  type: string,
  budget: InflateBudget,
): HtmlBody | undefined {
  const block = record.block;
  if (type === "resource") {
    const kind = record.headers.get("content-type") ?? "";
    if (!isHtml(kind)) return undefined;
    return withCharset({ body: block, place: record.place }, kind);
  }
  if (!/^application\/http/i.test(record.headers.get("content-type") ?? "application/http"))
    return undefined;
  const end = headerEnd(block, 0, Math.min(block.length, 65_536));
  if (end < 0) return undefined;
  const head = new TextDecoder("latin1").decode(block.subarray(0, end));
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(head);
  if (status?.[1] !== "200") return undefined;
  const fields = headerFields(head.replace(/^[^\n]*\n/, ""));
  const kind = fields.get("content-type") ?? "";
  if (!isHtml(kind)) return undefined;
  let body = block.subarray(end);
  let exact = true;
  if (/chunked/i.test(fields.get("transfer-encoding") ?? "")) {
    body = dechunk(body);
    exact = false;
  }
  const encoding = (fields.get("content-encoding") ?? "identity").toLowerCase().trim();
  if (encoding !== "identity" && encoding !== "") {
    body = decode(label, body, encoding, budget);
    exact = false;
  }
  // A transformed body's blocks are placed on the whole body: the bytes that hold them.
  const place: Placer = exact
    ? (start, stop) => record.place(end + start, end + stop)
    : () => record.place(end, block.length);
  return withCharset({ body, place }, kind);
}

/** True for an HTML media type. */
function isHtml(contentType: string): boolean {
  return /^\s*(?:text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

/** The body with the charset its Content-Type names, if any. */
function withCharset(body: HtmlBody, contentType: string): HtmlBody {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  return charset === undefined ? body : { ...body, charset };
}

/** A chunked body's data (HTTP/1.1 transfer coding), as far as its chunks are whole. */
function dechunk(body: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  const latin1 = new TextDecoder("latin1");
  while (at < body.length) {
    const lineEnd = body.indexOf(10, at);
    if (lineEnd < 0) break;
    const size = parseInt(latin1.decode(body.subarray(at, lineEnd)).trim(), 16);
    if (!Number.isFinite(size) || size <= 0) break;
    parts.push(body.subarray(lineEnd + 1, lineEnd + 1 + size));
    at = lineEnd + 1 + size + 2;
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let filled = 0;
  for (const part of parts) {
    out.set(part, filled);
    filled += part.length;
  }
  return out;
}

/**
 * A body under a content coding (gzip, deflate, br), unpacked within the capture's budget. A
 * body cut short is unpacked as far as it goes; a body that does not unpack but reads as text is
 * taken as it is: browser-based recorders (Webrecorder, ArchiveWeb.page) store the body the
 * browser decoded beside the server's `Content-Encoding` header.
 */
function decode(
  label: string,
  body: Uint8Array,
  coding: string,
  budget: InflateBudget,
): Uint8Array {
  const left = Math.max(1, captureLimits.inflatedBytes - budget.used);
  const unpack = (finishFlush?: number): Buffer | undefined => {
    const options =
      finishFlush === undefined
        ? { maxOutputLength: left }
        : { maxOutputLength: left, finishFlush };
    if (coding === "gzip" || coding === "x-gzip") return gunzipSync(body, options);
    if (coding === "deflate") return inflateSync(body, options);
    if (coding === "br") return brotliDecompressSync(body, { maxOutputLength: left });
    return undefined;
  };
  let out: Buffer | undefined;
  try {
    out = unpack();
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
      throw bombError(label, `a ${coding}-encoded page`, left);
    if (looksLikeText(body)) return body;
    try {
      out = coding === "br" ? undefined : unpack(constants.Z_SYNC_FLUSH);
    } catch {
      out = undefined;
    }
    if (out === undefined || out.length === 0) {
      throw new CasefileError({
        file: label,
        message: `holds a ${coding}-encoded page that cannot be unpacked (${(error as Error).message})`,
        hint: "archive the page again; the record is damaged",
      });
    }
  }
  if (out === undefined) return body;
  budget.used += out.length;
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** True when bytes start, past white space and a BOM, with `<` (markup), as no compressed stream does. */
function looksLikeText(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (at < bytes.length && (bytes[at] === 32 || (bytes[at]! >= 9 && bytes[at]! <= 13))) at++;
  return bytes[at] === 0x3c;
}
