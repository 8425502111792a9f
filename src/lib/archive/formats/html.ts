/**
 * Saved web pages (`.html`, `.htm`; a browser's "save page", SingleFile): every block of the
 * whole page becomes a text block (see `html-blocks.ts`), pointing at its element's bytes; blocks
 * outside the page's main content (see `main-content.ts`) carry the `outside-main-content` rule,
 * so menus, footers and comment threads are accounted for in the ledger but never shown as the
 * article. The extracted text is the blocks separated by blank lines, and a block's `line` is its
 * line in that text, so blocks are never adjacent and never joined as hard-wrapped lines.
 */
import type { CasefileProblem } from "../../errors.ts";
import { outsideMainContentRule } from "../boilerplate.ts";
import { readPage } from "./html-blocks.ts";
import { decodePage } from "./html-encoding.ts";
import { pageMetadata } from "./html-metadata.ts";
import { mainContent } from "./main-content.ts";
import type { CaptureFormat, ExtractedCapture, TextBlock } from "./types.ts";

/** The saved-page format: files named `.html` or `.htm`. */
export const htmlFormat: CaptureFormat = {
  name: "html",
  description: "saved web pages (.html, .htm, SingleFile included)",
  block: "element",
  accepts: (capture) => /\.html?$/i.test(capture.file),
  extract: ({ file, bytes }) => extractPage(file, bytes),
};

/**
 * Reads a page's bytes into text blocks whose `start`/`end` are offsets into `bytes`. `charset`
 * is the page's encoding when known from outside (an MHTML part's header).
 */
export function extractPage(file: string, bytes: Uint8Array, charset?: string): ExtractedCapture {
  const decoded = decodePage(bytes, charset);
  const reading = readPage(file, decoded.text);
  const metadata = pageMetadata(reading.facts);
  const verdict = mainContent(decoded.text, reading, metadata.title);
  const warnings: CasefileProblem[] = [];
  if (verdict.problem !== undefined) {
    warnings.push({
      file,
      message: `has no main content to tell from the rest (${verdict.problem}); every block of the page is archived as its text`,
      hint: "menus and footers may then show as paragraphs: save the article's reader view, or paste its text into a .txt capture",
    });
  }
  const toByte = decoded.byteOffsets();
  const blocks: TextBlock[] = [];
  const texts: string[] = [];
  let from = 0;
  let line = 1;
  reading.blocks.forEach((block, i) => {
    const start = toByte(block.start);
    const end = toByte(block.end);
    const entry: TextBlock = { line, from, to: from + block.text.length, start, end };
    if (verdict.inside[i] !== 1) entry.rule = outsideMainContentRule.name;
    blocks.push(entry);
    texts.push(block.text);
    from = entry.to + 2;
    line += lineBreaks(block.text) + 2;
  });
  return { encoding: decoded.encoding, text: texts.join("\n\n"), blocks, warnings, metadata };
}

/** Line breaks in a block's text (a `<br>`, or lines of a `<pre>`). */
function lineBreaks(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) count++;
  return count;
}
