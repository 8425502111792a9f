/**
 * WARC records (ISO 28500, WARC/1.0 and 1.1), read one at a time from a `.warc` or from a
 * `.warc.gz` whose records are gzipped one by one (as every WARC writer does), so that only the
 * record being read is unpacked. Each record says where it lies in the file: exactly for an
 * uncompressed WARC, as its gzip member for a compressed one.
 */
import { inflateRawSync } from "node:zlib";
import { CasefileError } from "../../errors.ts";
import { captureLimits } from "./limits.ts";
import { bombError, type InflateBudget } from "./zip.ts";

/** One WARC record. */
export interface WarcRecord {
  /** Its header fields, names lower-cased. */
  headers: Map<string, string>;
  /** Its block (for a response, the HTTP message): a view into the record's bytes. */
  block: Uint8Array;
  /**
   * Where `block[i]` lies in the file: `[start, end)` of a byte range of the block, placed in the
   * file (exact for an uncompressed WARC, the record's gzip member for a compressed one).
   */
  place: (start: number, end: number) => { start: number; end: number };
}

/** The error for a WARC that cannot be read. */
function malformed(file: string, where: string, message: string): CasefileError {
  return new CasefileError({
    file,
    message: `is not a readable WARC file: ${where} ${message}`,
    hint: "export the WARC (or the WACZ holding it) again from the tool that made it; a file cut short or edited by hand cannot be read",
  });
}

/** True when a WARC version line (`WARC/1.0`) starts at `at`. */
function startsWithVersion(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at] === 0x57 &&
    bytes[at + 1] === 0x41 &&
    bytes[at + 2] === 0x52 &&
    bytes[at + 3] === 0x43 &&
    bytes[at + 4] === 0x2f
  );
}

/** The gzip magic number. */
function isGzip(bytes: Uint8Array, at = 0): boolean {
  return bytes[at] === 0x1f && bytes[at + 1] === 0x8b;
}

/**
 * The records of a WARC file (`label` names it in errors: the capture, or the capture and the
 * WACZ entry). `offset` is where `bytes` starts in the capture file, for the records' places.
 */
export function* warcRecords(
  label: string,
  bytes: Uint8Array,
  budget: InflateBudget,
  offset = 0,
): Generator<WarcRecord> {
  if (!isGzip(bytes)) {
    yield* plainRecords(label, bytes, (start, end) => ({
      start: offset + start,
      end: offset + end,
    }));
    return;
  }
  let at = 0;
  while (at < bytes.length) {
    if (!isGzip(bytes, at)) {
      // Some writers pad the end of a file with zeros.
      if (bytes.subarray(at).every((byte) => byte === 0)) return;
      throw malformed(
        label,
        `at byte ${at + offset}:`,
        "expected a gzipped record (or the end of the file)",
      );
    }
    const header = gzipHeaderLength(bytes, at);
    if (header === undefined)
      throw malformed(label, `at byte ${at + offset}:`, "the gzip header is damaged");
    let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
    const left = captureLimits.inflatedBytes - budget.used;
    try {
      inflated = inflateRawSync(bytes.subarray(at + header), {
        info: true,
        maxOutputLength: Math.max(1, left),
      }) as unknown as typeof inflated;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_BUFFER_TOO_LARGE")
        throw bombError(label, `the gzipped record at byte ${at + offset}`, left);
      throw malformed(
        label,
        `the gzipped record at byte ${at + offset}`,
        `is damaged (${(error as Error).message})`,
      );
    }
    budget.used += inflated.buffer.length;
    const member = {
      start: offset + at,
      end: offset + at + header + inflated.engine.bytesWritten + 8,
    };
    const data = new Uint8Array(
      inflated.buffer.buffer,
      inflated.buffer.byteOffset,
      inflated.buffer.length,
    );
    // A member usually holds one record; a writer that gzips the whole file in one member holds all.
    yield* plainRecords(label, data, () => member);
    at = member.end - offset;
  }
}

/** The length of the gzip header at `at` (RFC 1952), or undefined if damaged. */
function gzipHeaderLength(bytes: Uint8Array, at: number): number | undefined {
  if (bytes[at + 2] !== 8) return undefined;
  const flags = bytes[at + 3]!;
  let length = 10;
  if (flags & 4) length += 2 + (bytes[at + length]! | (bytes[at + length + 1]! << 8));
  for (const flag of [8, 16]) {
    if (!(flags & flag)) continue;
    while (at + length < bytes.length && bytes[at + length] !== 0) length++;
    length++;
  }
  if (flags & 2) length += 2;
  return at + length <= bytes.length ? length : undefined;
}

/** The index of CRLF CRLF (or LF LF) from `from`: the end of a header block; -1 if none. */
export function headerEnd(bytes: Uint8Array, from: number, limit = bytes.length): number {
  for (let i = from; i < limit - 1; i++) {
    if (bytes[i] !== 10) continue;
    if (bytes[i + 1] === 10) return i + 2;
    if (bytes[i + 1] === 13 && bytes[i + 2] === 10) return i + 3;
  }
  return -1;
}

/** Header fields of a block of `Name: value` lines (continuation lines folded), names lower-cased. */
export function headerFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line === "") continue;
    if (/^[ \t]/.test(line) && last !== undefined) {
      fields.set(last, `${fields.get(last)!} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!fields.has(last)) fields.set(last, line.slice(colon + 1).trim());
  }
  return fields;
}

/** Records of uncompressed WARC bytes, placed in the file by `place`. */
function* plainRecords(
  label: string,
  bytes: Uint8Array,
  place: (start: number, end: number) => { start: number; end: number },
): Generator<WarcRecord> {
  const latin1 = new TextDecoder("latin1");
  let at = 0;
  while (at < bytes.length) {
    // Blank lines between records are tolerated.
    while (at < bytes.length && (bytes[at] === 13 || bytes[at] === 10)) at++;
    if (at >= bytes.length) return;
    // A Content-Length a few bytes short (a known writer bug, which warcio tolerates too) leaves
    // the end of the block before the next record: skip to it.
    if (!startsWithVersion(bytes, at)) {
      for (let skip = 1; skip <= 8 && at + skip < bytes.length; skip++) {
        if (
          (bytes[at + skip - 1] === 10 || bytes[at + skip - 1] === 13) &&
          startsWithVersion(bytes, at + skip)
        ) {
          at += skip;
          break;
        }
      }
    }
    const where = `the record at byte ${place(at, at).start}`;
    const first = latin1.decode(bytes.subarray(at, Math.min(at + 12, bytes.length)));
    if (!/^WARC\/\d\.\d/.test(first))
      throw malformed(
        label,
        where,
        `does not start with a WARC version line (found ${JSON.stringify(first.replace(/[^\x20-\x7e]/g, "?"))})`,
      );
    const end = headerEnd(bytes, at, Math.min(bytes.length, at + 65_536));
    if (end < 0) {
      const cut = bytes.length - at < 65_536;
      throw malformed(
        label,
        where,
        cut
          ? "is cut short inside its header"
          : "has no end to its header (no blank line in 64 KB)",
      );
    }
    const headers = headerFields(latin1.decode(bytes.subarray(at, end)).replace(/^[^\n]*\n/, ""));
    const declared = headers.get("content-length");
    const length = declared !== undefined && /^\d+$/.test(declared) ? Number(declared) : NaN;
    if (Number.isNaN(length))
      throw malformed(
        label,
        where,
        `has no valid Content-Length (found ${JSON.stringify(declared ?? "none")})`,
      );
    if (end + length > bytes.length)
      throw malformed(
        label,
        where,
        `is cut short: its Content-Length is ${length} bytes, only ${bytes.length - end} remain`,
      );
    const blockStart = end;
    yield {
      headers,
      block: bytes.subarray(blockStart, blockStart + length),
      place: (start, stop) => place(blockStart + start, blockStart + stop),
    };
    at = blockStart + length;
  }
}
