/**
 * Web pages saved as one MHTML file (`.mhtml`, `.mht`: Chrome's "save as single file", Hunchly):
 * a MIME message whose first `text/html` part is the page, read by the HTML format, and whose
 * header fields say where and when it was saved (`Snapshot-Content-Location`, `Date`) and its
 * title (`Subject`). Each block's byte range is put back into the MHTML file: exactly for a
 * quoted-printable or unencoded part (from the first byte's encoding to the end of the last's),
 * to the base64 quartets that hold it for a base64 part.
 */
import { Buffer } from "node:buffer";
import { CasefileError } from "../../errors.ts";
import { extractPage } from "./html.ts";
import { isoTime } from "./html-metadata.ts";
import {
  decodeBody,
  headerText,
  mainValue,
  multipartParts,
  parameter,
  readEntity,
  type MimeEntity,
} from "./mime.ts";
import type { CaptureFormat, CaptureMetadata, ExtractedCapture } from "./types.ts";

/** The MHTML format: files named `.mhtml` or `.mht`. */
export const mhtmlFormat: CaptureFormat = {
  name: "mhtml",
  description: "web pages saved as one MHTML file (.mhtml, .mht)",
  block: "element",
  accepts: (capture) => /\.mht(?:ml)?$/i.test(capture.file),
  extract: ({ file, bytes }) => extractMhtml(file, bytes),
};

/** Reads an MHTML capture: its page's blocks, placed in the MHTML file, and its metadata. */
function extractMhtml(file: string, bytes: Uint8Array): ExtractedCapture {
  const message = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const top = readEntity(message, 0, message.length);
  const page = pagePart(message, top);
  if (page === undefined) {
    throw new CasefileError({
      file,
      message: "is not an MHTML file holding a web page (no text/html part found)",
      hint: "save the page again with the browser's “Webpage, single file” option, or save it as .html",
    });
  }
  const body = decodeBody(message, page);
  const extracted = extractPage(
    file,
    body.bytes,
    parameter(page.headers.get("content-type"), "charset"),
  );
  for (const block of extracted.blocks) {
    const place = body.place(block.start, block.end);
    block.start = place.start;
    block.end = place.end;
  }
  const header = (name: string): string | undefined => {
    const value = top.headers.get(name);
    return value === undefined || value === "" ? undefined : headerText(value);
  };
  const saved: CaptureMetadata = {};
  const title = header("subject");
  const location = header("snapshot-content-location") ?? page.headers.get("content-location");
  const date = header("date");
  if (title !== undefined) saved.title = title;
  if (location !== undefined) saved.savedFrom = location;
  if (date !== undefined) saved.savedAt = isoTime(date);
  // The page's own title (its headline) is preferred to the Subject, which is its <title>.
  extracted.metadata = { ...saved, ...extracted.metadata };
  if (location !== undefined) extracted.metadata.savedFrom = location;
  if (date !== undefined) extracted.metadata.savedAt = isoTime(date);
  // Chrome and Edge write "From: <Saved by Blink>".
  if (/saved by blink/i.test(header("from") ?? "")) extracted.metadata.tool = "Chrome (Blink)";
  return extracted;
}

/** The first `text/html` entity of the message: the message itself, or a part of it. */
function pagePart(message: string, entity: MimeEntity, depth = 0): MimeEntity | undefined {
  const type = entity.headers.get("content-type");
  const kind = mainValue(type);
  if (kind === "text/html") return entity;
  const boundary = parameter(type, "boundary");
  if (!kind.startsWith("multipart/") || boundary === undefined || depth > 4) return undefined;
  for (const part of multipartParts(message, boundary, entity.bodyStart, entity.bodyEnd)) {
    const found = pagePart(message, part, depth + 1);
    if (found) return found;
  }
  return undefined;
}
