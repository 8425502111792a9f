/**
 * The comparison form of a paragraph. Only used to decide whether two paragraphs are the same;
 * displayed text is never altered. Digits are kept ("killed 5" and "killed 7" stay different).
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const ASCII = /^[\u0000-\u007f]*$/;
/** Whitespace that needs collapsing: anything but a single space (tested before replacing). */
const UNUSUAL_SPACE = /[^\S ]| {2}|^ | $/;
/** Characters NFKC leaves alone: ASCII, no-break space and precomposed Latin letters. */
const NFKC_STABLE = /^[\u0000-\u007f\u00a0\u00c0-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e]*$/;

/** Folds quotes, dashes, compatibility characters and case; whitespace is left as it is. */
function fold(text: string): string {
  let out = text;
  if (!ASCII.test(out)) {
    // Typographic quotes and dashes are the usual non-ASCII characters; NFKC only if more remain.
    out = out.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-");
    if (!NFKC_STABLE.test(out)) {
      const composed = out.normalize("NFKC");
      if (composed !== out) out = composed.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-");
    }
  }
  return out.toLowerCase();
}

/** Collapses whitespace runs to one space and trims (skipped when already tidy). */
function collapse(text: string): string {
  return UNUSUAL_SPACE.test(text) ? text.replace(SPACES, " ").trim() : text;
}

/** Normalises text for comparison: NFKC, ASCII quotes and dashes, collapsed whitespace, lower case. */
export function normalise(text: string): string {
  return collapse(fold(text));
}

/**
 * Normalises every line of a text at once (the same result as `normalise` on each line, but one
 * pass per step over the whole capture instead of one per line). `lines` must be the capture's
 * lines split the same way (see `splitLines`).
 */
export function normaliseLines(text: string, count: number): string[] {
  const folded = fold(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text).split("\n");
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) out[i] = collapse(folded[i] ?? "");
  return out;
}

/** Splits normalised text into words (letters and digits), dropping punctuation. */
export function wordsOf(key: string): string[] {
  return key.match(/[\p{L}\p{N}]+(?:['.,][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Counts whitespace-separated words in display text (cheap, for length heuristics). */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 160 || c === 10 || c === 13;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
