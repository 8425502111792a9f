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
