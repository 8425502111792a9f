/**
 * Lines of capture text: splitting on LF, CRLF or CR, and telling blank lines apart. The text
 * format's blocks are these lines (see `formats/text.ts`).
 */

const NON_SPACE = /\S/;

/** True for a blank line (only whitespace, as `String.prototype.trim` sees it). */
export function isBlank(line: string): boolean {
  // Most lines start with a visible ASCII character: no need to search them; nor empty ones.
  if (line.length === 0) return true;
  const first = line.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return !NON_SPACE.test(line);
}

/** Splits text into lines on LF, CRLF or CR; a final line break does not start an extra line. */
export function splitLines(text: string): string[] {
  const lines = text.includes("\r") ? text.split(/\r\n|\r|\n/) : text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * Where each line of `splitLines(text)` starts in `text` (UTF-16 offsets), plus `base` (where
 * `text` starts in a longer string that holds it).
 */
export function lineStarts(text: string, lines: readonly string[], base = 0): Int32Array {
  const starts = new Int32Array(lines.length);
  const crlf = text.includes("\r");
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = base + offset;
    offset += lines[i]!.length;
    // Past the line break: one code unit, or two for CRLF.
    offset += crlf && text.charCodeAt(offset) === 13 && text.charCodeAt(offset + 1) === 10 ? 2 : 1;
  }
  return starts;
}
