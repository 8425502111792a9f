/**
 * The parts of a MIME message (RFC 2045–2047) that an MHTML capture needs: header fields,
 * multipart bodies, quoted-printable and base64 bodies decoded with a map back to the message's
 * bytes, and encoded words in header fields. The message is read as Latin-1, so that an offset
 * into its text is an offset into its bytes.
 */
import { Buffer } from "node:buffer";

/** Header fields by lower-cased name (folded lines unfolded; the first of a repeated field wins). */
type MimeHeaders = Map<string, string>;

/** One entity of a message: its header fields and where its body lies in the message. */
export interface MimeEntity {
  /** Its header fields. */
  headers: MimeHeaders;
  /** Offset of its body's first byte in the message. */
  bodyStart: number;
  /** Offset just past its body's last byte. */
  bodyEnd: number;
}

/** A decoded body, with where each decoded byte came from in the message. */
export interface DecodedBody {
  /** The decoded bytes. */
  bytes: Uint8Array;
  /**
   * The message's bytes that encode decoded bytes [start, end) (end > start): from the first
   * byte's encoding to the end of the last's (a base64 quartet holds three bytes, so its range
   * may take in up to two neighbours).
   */
  place: (start: number, end: number) => { start: number; end: number };
}

/**
 * Reads the entity that starts at `start` of the message (as Latin-1 text) and ends at `end`:
 * header fields up to the first empty line, then the body.
 */
export function readEntity(message: string, start: number, end: number): MimeEntity {
  const headers: MimeHeaders = new Map();
  let at = start;
  let name = "";
  let value = "";
  const store = (): void => {
    if (name !== "" && !headers.has(name)) headers.set(name, value.trim());
    name = "";
  };
  while (at < end) {
    let lineEnd = message.indexOf("\n", at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const line = message.slice(at, lineEnd).replace(/\r$/, "");
    at = Math.min(end, lineEnd + 1);
    if (line === "") break;
    if (line.startsWith(" ") || line.startsWith("\t")) {
      value += " " + line.trim();
      continue;
    }
    store();
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    name = line.slice(0, colon).trim().toLowerCase();
    value = line.slice(colon + 1);
  }
  store();
  return { headers, bodyStart: at, bodyEnd: end };
}

/** A header field's main value, lower-cased ("text/html" of "text/html; charset=utf-8"). */
export function mainValue(field: string | undefined): string {
  return (field ?? "").split(";")[0]!.trim().toLowerCase();
}

/** A parameter of a header field (`boundary`, `charset`…), unquoted, or undefined. */
export function parameter(field: string | undefined, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(field ?? "");
  return match === null ? undefined : (match[1] ?? match[2]);
}

/**
 * The parts of a multipart body between `start` and `end`: each starts after a line
 * `--boundary` and ends before the line break of the next; the line `--boundary--` ends them.
 */
export function multipartParts(
  message: string,
  boundary: string,
  start: number,
  end: number,
): MimeEntity[] {
  const delimiter = `--${boundary}`;
  const parts: MimeEntity[] = [];
  let partStart = -1;
  for (let at = message.indexOf(delimiter, start); at >= 0 && at < end;) {
    const lineStart = at === 0 || message.charCodeAt(at - 1) === 10;
    if (lineStart) {
      if (partStart >= 0) {
        // The line break before the delimiter belongs to the delimiter.
        let bodyEnd = at - 1;
        if (message.charCodeAt(bodyEnd - 1) === 13) bodyEnd--;
        parts.push(readEntity(message, partStart, Math.max(partStart, bodyEnd)));
      }
      if (message.startsWith("--", at + delimiter.length)) return parts;
      const lineEnd = message.indexOf("\n", at);
      if (lineEnd < 0) return parts;
      partStart = lineEnd + 1;
    }
    at = message.indexOf(delimiter, at + delimiter.length);
  }
  // A message cut short: its last part runs to the end.
  if (partStart >= 0 && partStart < end) parts.push(readEntity(message, partStart, end));
  return parts;
}

/** Value of each hexadecimal digit's character code, -1 for other characters. */
const HEX = Int8Array.from({ length: 128 }, (_, code) => {
  const char = String.fromCharCode(code);
  return /[0-9a-f]/i.test(char) ? Number.parseInt(char, 16) : -1;
});

/** Value of each base64 character's code (standard and URL-safe alphabets), -1 for others. */
const BASE64 = Int8Array.from({ length: 128 }, (_, code) => {
  const at = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(
    String.fromCharCode(code),
  );
  return at >= 0 ? at : code === 45 ? 62 : code === 95 ? 63 : -1;
});

/**
 * Decodes a body by its `Content-Transfer-Encoding`: quoted-printable and base64 are decoded,
 * anything else (7bit, 8bit, binary) is taken as it is.
 */
export function decodeBody(message: string, entity: MimeEntity): DecodedBody {
  const encoding = mainValue(entity.headers.get("content-transfer-encoding"));
  const { bodyStart, bodyEnd } = entity;
  if (encoding === "quoted-printable") return quotedPrintable(message, bodyStart, bodyEnd);
  if (encoding === "base64") return base64(message, bodyStart, bodyEnd);
  return {
    bytes: Buffer.from(message.slice(bodyStart, bodyEnd), "latin1"),
    place: (start, end) => ({ start: bodyStart + start, end: bodyStart + end }),
  };
}

/** Decodes quoted-printable text, keeping each decoded byte's place (exact: "=XX" or itself). */
function quotedPrintable(message: string, start: number, end: number): DecodedBody {
  const bytes = new Uint8Array(end - start);
  const from = new Int32Array(end - start);
  const to = new Int32Array(end - start);
  let n = 0;
  for (let at = start; at < end;) {
    const code = message.charCodeAt(at);
    if (code === 61) {
      // "=" then optional spaces and a line break: a soft line break, which decodes to nothing.
      let next = at + 1;
      while (next < end && (message.charCodeAt(next) === 32 || message.charCodeAt(next) === 9))
        next++;
      if (next >= end || message.charCodeAt(next) === 10 || message.charCodeAt(next) === 13) {
        if (message.charCodeAt(next) === 13) next++;
        if (message.charCodeAt(next) === 10) next++;
        at = next;
        continue;
      }
      const high = HEX[message.charCodeAt(at + 1)] ?? -1;
      const low = HEX[message.charCodeAt(at + 2)] ?? -1;
      if (high >= 0 && low >= 0 && at + 2 < end) {
        bytes[n] = (high << 4) | low;
        from[n] = at;
        to[n++] = at + 3;
        at += 3;
        continue;
      }
    }
    // Any other character (a stray "=" included) stands for itself.
    bytes[n] = code & 0xff;
    from[n] = at;
    to[n++] = ++at;
  }
  return { bytes: bytes.subarray(0, n), place: placer(from, to, n, end) };
}

/** Decodes base64 text (whitespace and stray characters skipped), keeping each quartet's place. */
function base64(message: string, start: number, end: number): DecodedBody {
  const capacity = Math.ceil(((end - start) * 3) / 4) + 3;
  const bytes = new Uint8Array(capacity);
  const from = new Int32Array(capacity);
  const to = new Int32Array(capacity);
  let n = 0;
  let bits = 0;
  let count = 0;
  let quartetStart = start;
  let pending = 0;
  for (let at = start; at < end; at++) {
    const code = message.charCodeAt(at);
    if (code === 61) break;
    const value = code < 128 ? BASE64[code]! : -1;
    if (value < 0) continue;
    if (count === 0) quartetStart = at;
    bits = (bits << 6) | value;
    count++;
    if (count >= 2) {
      // Every character after the first completes one more byte (8 bits of the bits gathered).
      bytes[n] = (bits >> (2 * (4 - count))) & 0xff;
      from[n] = quartetStart;
      pending++;
      n++;
    }
    if (count === 4) {
      for (let k = n - pending; k < n; k++) to[k] = at + 1;
      pending = 0;
      bits = 0;
      count = 0;
    }
  }
  // A last, short quartet ends where its last character does.
  for (let k = n - pending; k < n; k++) to[k] = Math.min(end, from[k]! + 4);
  return { bytes: bytes.subarray(0, n), place: placer(from, to, n, end) };
}

/** The place of decoded bytes [start, end): from the first's encoding to the end of the last's. */
function placer(
  from: Int32Array,
  to: Int32Array,
  length: number,
  bodyEnd: number,
): DecodedBody["place"] {
  return (start, end) => {
    if (start >= length) return { start: bodyEnd, end: bodyEnd };
    const last = Math.min(length, end) - 1;
    return { start: from[start]!, end: last >= start ? to[last]! : from[start]! };
  };
}

/** An encoded word of RFC 2047: `=?charset?Q?text?=` or `=?charset?B?text?=`. */
const ENCODED_WORD = /=\?([^?\s]+)\?([qb])\?([^?\s]*)\?=/gi;

/**
 * A header field's text: encoded words decoded (whitespace between two of them dropped), other
 * bytes read as UTF-8 when they are (some tools write it raw), else as Latin-1.
 */
export function headerText(field: string): string {
  const raw = Buffer.from(field, "latin1");
  const plain = raw.toString("utf8").includes("\ufffd") ? field : raw.toString("utf8");
  return plain
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(ENCODED_WORD, (word, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toLowerCase() === "b"
          ? Buffer.from(text, "base64")
          : Buffer.from(
              text
                .replaceAll("_", " ")
                .replace(/=([0-9a-f]{2})/gi, (_, hex: string) =>
                  String.fromCharCode(Number.parseInt(hex, 16)),
                ),
              "latin1",
            );
      try {
        return new TextDecoder(charset.replace(/\*.*$/, "")).decode(bytes);
      } catch {
        return word;
      }
    });
}
