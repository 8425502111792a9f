/** Helpers for fitting labels into a chart's margins without measuring fonts on the server. */

/** Average glyph width at Plot's 10px font, in pixels; generous so labels rarely clip. */
const glyphWidth = 5.6;

/** Shortens text to at most `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/** A margin wide enough for the longest of `labels` (after truncation to `max`), in pixels. */
export function marginFor(labels: string[], max: number, padding = 14): number {
  const longest = labels.reduce(
    (width, label) => Math.max(width, Math.min(Array.from(label).length, max)),
    0,
  );
  return Math.ceil(longest * glyphWidth + padding);
}

/** Height in pixels of one line of Plot's 10px text (Plot's default `lineHeight` of 1em, plus leading). */
export const lineHeight = 12;

/**
 * Wraps text at spaces into lines of at most `width` characters, at most `lines` of them; the last
 * line ends with "…" when text was left out. A word longer than a line is cut.
 */
export function wrap(text: string, width: number, lines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const out: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line === "" ? word : `${line} ${word}`;
    if (Array.from(next).length <= width) {
      line = next;
      continue;
    }
    if (line !== "") out.push(line);
    line = Array.from(word).length > width ? truncate(word, width) : word;
  }
  if (line !== "") out.push(line);
  if (out.length <= lines) return out;
  // The next line's first word did not fit on the last kept line, so this always cuts, with "…".
  const last = truncate(`${out[lines - 1] ?? ""} ${out[lines] ?? ""}`, width);
  return [...out.slice(0, lines - 1), last];
}

/** Width in pixels of a label of `length` characters at Plot's 10px font (see `glyphWidth`). */
export function labelWidth(length: number): number {
  return Math.ceil(length * glyphWidth);
}
