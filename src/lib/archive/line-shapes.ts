/**
 * Shapes of an article's lines that pasted-page chrome shows and article prose does not: runs of
 * short lines (menus, teaser lists, comment threads, newsletter and legal blocks), datelines that
 * recur, credit lines. Words are counted with `Intl.Segmenter`, so that a line of Japanese or
 * Chinese (no spaces between words) is not taken for a one-word line.
 */

/** One word segmenter for every line (creating one per line would dominate the cost). */
const segmenter = new Intl.Segmenter([], { granularity: "word" });

/**
 * True for a code unit of a script written without spaces between words: Thai, Lao, Tibetan,
 * Myanmar, Khmer, CJK (with kana and CJK punctuation), half-width kana, and the high surrogates of
 * the CJK extensions. Typographic quotes and dashes (U+2000…) are not among them.
 */
function isUnspaced(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x109f) ||
    (c >= 0x1780 && c <= 0x17ff) ||
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xff9f) ||
    (c >= 0xd840 && c <= 0xd87f)
  );
}

/** Characters per space-separated word above which a line is scanned for unspaced scripts. */
const LONG_WORD = 8;

/**
 * The number of words in a line: `spaced` (its count between spaces) unless the line holds a
 * character of a script written without spaces, when `Intl.Segmenter`'s word-like segments are
 * counted instead.
 */
export function lineWords(text: string, spaced: number): number {
  // Words between spaces average under eight characters (more with long URLs or compounds):
  // only a line with longer ones may be written without spaces, and is scanned.
  if (text.length <= spaced * LONG_WORD) return spaced;
  let unspaced = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0e00 && isUnspaced(c)) {
      unspaced = true;
      break;
    }
  }
  if (!unspaced) return spaced;
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike === true) count++;
  return count;
}

/** Longest line (in words) a run of short lines is made of. */
export const SHORT_LINE_WORDS = 5;

/** Longest line (in characters) a run of short lines is made of. */
const SHORT_LINE_CHARS = 60;

/**
 * Marks of a line of code or of a table row, which are short lines of an article's body: a tab
 * (between copied table cells), leading whitespace (indented code), code punctuation.
 */
const CODE_OR_TABLE = /^\s|\t|[{};<>=`\\]|\)\s*$/;

/** True for a line of code or a table row (see `CODE_OR_TABLE`; `text` untrimmed). */
export function looksLikeCode(text: string): boolean {
  return CODE_OR_TABLE.test(text);
}

/**
 * True for a line short enough to be a menu entry, a teaser's label or a comment's signature,
 * and not a line of code or a table row (`text` untrimmed).
 */
export function isShortLine(text: string, words: number): boolean {
  return (
    words <= SHORT_LINE_WORDS && text.trim().length <= SHORT_LINE_CHARS && !CODE_OR_TABLE.test(text)
  );
}

/**
 * For each line, the length of the run of consecutive short lines it belongs to (0 for a line
 * that is not short). `short[i]` says whether line i is short.
 */
export function shortRuns(short: readonly boolean[]): Int32Array {
  const runs = new Int32Array(short.length);
  for (let i = 0; i < short.length;) {
    if (!short[i]) {
      i++;
      continue;
    }
    let end = i;
    while (end < short.length && short[end]) end++;
    runs.fill(end - i, i, end);
    i = end;
  }
  return runs;
}

/** A relative time, as teaser lists and comment threads show it ("2 hours ago", "yesterday"). */
const RELATIVE_TIME =
  /^(?:(?:about |over |almost )?(?:an?|\d{1,3}) (?:second|sec|minute|min|hour|hr|day|week|month|year)s? ago|just now|yesterday(?: at .{1,12})?|\d{1,3}\s?[smhdw] ago)[.]?$/i;

/** True for a relative time alone on its line. */
export function isRelativeTime(text: string): boolean {
  return text.length <= 40 && RELATIVE_TIME.test(text);
}

/**
 * A credit line: who took a picture or first published the text, alone on its line ("Photo:
 * Jane Doe", "Photo by Jane Doe", "Image credit: …", "Originally published by …", "Credit…",
 * an agency credit such as "Jim Watson/AFP/Getty Images").
 */
const CREDIT_LINE =
  /^(?:(?:photo(?:graph)?s?|images?|pictures?|illustration|video|foto|credit)(?:\s+credit)?\s*(?:by\b|:|credit\b)|credit\s*\S|originally (?:published|appeared) (?:by|in|on|at)\b|this (?:article|story|post) (?:was )?(?:originally|first) (?:published|appeared)\b|(?:photo|image|credit|gallery)$)/i;

/** Agencies and photo libraries named in credits ("…/AFP/Getty Images", "AP Photo/…"). */
const AGENCY =
  /(?:getty images|shutterstock|\bafp\b|\bepa\b|ap photo|reuters|associated press|istock(?:photo)?|alamy|sipa|anadolu|xinhua|wikimedia commons|unsplash)/i;

/** True for a credit line (see `CREDIT_LINE`), or a short line crediting an agency with a slash. */
export function isCreditLine(text: string, words: number): boolean {
  if (CREDIT_LINE.test(text)) return true;
  return words <= 12 && text.includes("/") && !/[.!?]$/.test(text) && AGENCY.test(text);
}

/** A caption that ends with who took the picture: "… | photo by Jane Doe", "… Photo: Jane Doe". */
const TRAILING_CREDIT =
  /(?:[|.,;–—-]\s*|\s)(?:photo(?:graph)?|image|picture|illustration|foto)s?\s*(?:by|:|credit:)\s*[\p{L}][^.!?|]{0,60}$/iu;

/** Cheap test before `TRAILING_CREDIT` (most lines fail it). */
const CREDIT_WORD = /photo|image|picture|illustration|foto/i;

/** True for a short caption ending in a photographer's credit. */
export function endsWithPhotoCredit(text: string, words: number): boolean {
  return words <= 40 && CREDIT_WORD.test(text) && TRAILING_CREDIT.test(text);
}
