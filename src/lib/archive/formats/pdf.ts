/**
 * PDF documents with a text layer (`.pdf`: reports, statements, pages printed to PDF): one block
 * per line of text, as pdf.js orders it (see `pdf-reader.ts`), a blank block where the gap between
 * two lines is wider than a line or a page ends, so that the engine joins a paragraph's wrapped
 * lines as it does a text capture's. A PDF's text is drawn by compressed content streams, so every
 * block's byte range is the whole file. A PDF without a text layer (a scan) gets a warning: there
 * is no OCR. JavaScript in a PDF is never run (a warning names it).
 */
import { isoTime } from "./html-metadata.ts";
import { blockTooLong, captureLimits, tooManyBlocks } from "./limits.ts";
import { readPdf, type PdfItem } from "./pdf-reader.ts";
import type { CaptureFormat, CaptureMetadata, ExtractedCapture, TextBlock } from "./types.ts";
import type { CasefileProblem } from "../../errors.ts";

/** The PDF format: files named `.pdf`, or starting with `%PDF-`. */
export const pdfFormat: CaptureFormat = {
  name: "pdf",
  description: "PDF documents with a text layer (.pdf)",
  block: "line",
  accepts: (capture) =>
    /\.pdf$/i.test(capture.file) ||
    new TextDecoder("latin1").decode(capture.bytes.subarray(0, 5)) === "%PDF-",
  extract: ({ file, bytes }) => extractPdf(file, bytes),
};

/** Reads a PDF into line blocks, with its Info dictionary as metadata. */
function extractPdf(file: string, bytes: Uint8Array): ExtractedCapture {
  const reading = readPdf(file, bytes);
  const lines = pdfLines(reading.pages);
  const blocks: TextBlock[] = [];
  let from = 0;
  lines.forEach((text, i) => {
    const line = i + 1;
    if (line > captureLimits.blocks) throw tooManyBlocks(file, line, pdfFormat);
    if (text.length > captureLimits.blockChars)
      throw blockTooLong(file, line, text.length, pdfFormat);
    blocks.push({ line, from, to: from + text.length, start: 0, end: bytes.length });
    from += text.length + 1;
  });
  const warnings: CasefileProblem[] = [];
  if (lines.every((line) => line.trim() === "")) {
    warnings.push({
      file,
      message:
        "is a PDF without a text layer (a scan or an image), so it has no text to archive; Casefile does not read text from images",
      hint: "run OCR on it (for example ocrmypdf) and capture the result, or paste its text into a .txt capture beside it",
    });
  }
  if (reading.scripts) {
    warnings.push({
      file,
      message: "is a PDF carrying JavaScript; its text is read, the script is never run",
      hint: "nothing to do unless the document was not expected to hold scripts: then treat the file as hostile",
    });
  }
  const extracted: ExtractedCapture = {
    encoding: "utf-8",
    text: lines.join("\n"),
    blocks,
    warnings,
  };
  const metadata = pdfMetadata(reading.info);
  if (Object.keys(metadata).length > 0) extracted.metadata = metadata;
  return extracted;
}

/**
 * The lines of a PDF's pages: items joined until one ends a line; a blank line where the baseline
 * drops by more than 1.6 lines (a paragraph's gap) and between pages. No two blank lines in a row.
 */
export function pdfLines(pages: readonly (readonly PdfItem[])[]): string[] {
  const lines: string[] = [];
  const blank = (): void => {
    if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
  };
  for (const items of pages) {
    blank();
    let current = "";
    let lastY: number | undefined;
    let lastHeight = 0;
    for (const item of items) {
      if (current === "" && item.str.trim() !== "" && lastY !== undefined) {
        const gap = lastY - item.y;
        if (gap > 1.6 * Math.max(lastHeight, item.h, 1)) blank();
      }
      current += item.str;
      if (item.str.trim() !== "") {
        lastY = item.y;
        lastHeight = item.h;
      }
      if (item.eol) {
        if (current.trim() !== "") lines.push(current.replace(/\s+$/, ""));
        current = "";
      }
    }
    if (current.trim() !== "") lines.push(current.replace(/\s+$/, ""));
  }
  while (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** A PDF date (`D:YYYYMMDDHHmmSS+HH'mm'`) as ISO 8601, or as written when it is not one. */
export function pdfDate(text: string): string {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(
    text,
  );
  if (!match) return isoTime(text);
  const [, year, month = "01", day = "01", hour = "00", minute = "00", second = "00", zone] = match;
  const offset =
    zone === undefined || zone === "Z"
      ? "Z"
      : `${zone.slice(0, 3)}:${zone.replace(/'/g, "").slice(3, 5)}`;
  return isoTime(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
}

/** What a PDF's Info dictionary says: title, author, when it was made and by which tool. */
function pdfMetadata(info: Readonly<Record<string, string>>): CaptureMetadata {
  const metadata: CaptureMetadata = {};
  const title = info["Title"]?.trim();
  const author = info["Author"]?.trim();
  const created = info["CreationDate"]?.trim();
  const tool = [info["Producer"], info["Creator"]]
    .map((value) => value?.trim())
    .filter((value): value is string => value !== undefined && value !== "");
  if (title) metadata.title = title;
  if (author) metadata.author = author;
  if (created) metadata.savedAt = pdfDate(created);
  if (tool.length > 0) metadata.tool = [...new Set(tool)].join(", ");
  return metadata;
}
