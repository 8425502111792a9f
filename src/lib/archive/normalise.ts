/**
 * The comparison form of a paragraph. Only used to decide whether two paragraphs are the same;
 * displayed text is never altered. Digits are kept ("killed 5" and "killed 7" stay different).
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const ASCII = /^[\u0000-\u007f]*$/;

/** Normalises text for comparison: NFKC, ASCII quotes and dashes, collapsed whitespace, lower case. */
export function normalise(text: string): string {
  let out = text;
  if (!ASCII.test(out)) {
    out = out.normalize("NFKC").replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-");
  }
  return out.replace(SPACES, " ").trim().toLowerCase();
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
