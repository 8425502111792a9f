/**
 * Patterns that a regular expression would match in quadratic time or worse, matched here by
 * explicit scans in linear time. A backtracking engine tries an unanchored pattern from every
 * start, so a run read to its end from each start costs the run's length squared (one line of
 * "(photo:" repeated for a megabyte took two minutes); and two quantifiers that both accept the
 * same spaces make it try every way of sharing them (27 ms for one 116-character line). Each
 * function here gives the same answer as the regular expression in its doc comment, which the
 * unit tests check on ordinary and on pathological text.
 */

/** True for a UTF-16 code unit that `\s` matches (and `String.prototype.trim` removes). */
export function isWhitespace(c: number): boolean {
  return c <= 0x20
    ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
    : c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff;
}

/** Where the trailing run of code units that pass `test` starts (`end` when there is none). */
export function trailingRunStart(
  text: string,
  test: (c: number) => boolean,
  end = text.length,
): number {
  let start = end;
  while (start > 0 && test(text.charCodeAt(start - 1))) start--;
  return start;
}

/** The text without its trailing run of code units that pass `test` (`/[…]+$/` replaced by ""). */
export function withoutTrailing(text: string, test: (c: number) => boolean): string {
  return text.slice(0, trailingRunStart(text, test));
}

/** `[\s.]`: what may follow a photo credit's closing bracket. */
function isSpaceOrStop(c: number): boolean {
  return c === 46 || isWhitespace(c);
}

/** The start of a bracketed credit, up to its keyword: `(Photo:`, `(photos by`, `(credit:`… */
const CREDIT_OPEN =
  /\((?:photos?|images?|pictures?|fotos?|foto|credit|file photo|screenshot)\s*(?:by|:|credit:)/iy;
/** The start of a "(via …)" or "(source: …)" credit, up to the space after its keyword. */
const VIA_OPEN = /\((?:via|source:?)(?=\s)/iy;
/** A credit after a bar, up to its colon: `| Photo:`, `|credit :`… */
const CREDIT_BAR = /\|\s*(?:photos?|images?|fotos?|credit|source|screenshot)\s*:/iy;

/**
 * The ")" that would close a credit ending the text (only spaces and full stops after it), or -1,
 * and where the bracket it closes may open at the earliest (just past the ")" before it).
 */
function closingBracket(text: string): { close: number; from: number } {
  const close = trailingRunStart(text, isSpaceOrStop) - 1;
  if (close < 0 || text.charCodeAt(close) !== 41) return { close: -1, from: 0 };
  return { close, from: text.lastIndexOf(")", close - 1) + 1 };
}

/**
 * True when `\((?:via|source:?)\s+[^)]{1,40}\)` matches from the "(" at `open` to the ")" at
 * `close` (no ")" between them): the spaces after the keyword may number 1 to all of them, and
 * the text after them to the ")" must be 1 to 40 characters long.
 */
function viaCreditAt(text: string, open: number, close: number): boolean {
  VIA_OPEN.lastIndex = open;
  if (!VIA_OPEN.test(text)) return false;
  const after = VIA_OPEN.lastIndex;
  let spaces = after;
  while (spaces < close && isWhitespace(text.charCodeAt(spaces))) spaces++;
  return Math.max(1, close - after - 40) <= Math.min(spaces - after, close - after - 1);
}

/**
 * Where the photo credit that ends the text starts, or -1: the start of the leftmost match of
 * (case-insensitive)
 * `\((?:photos?|images?|pictures?|fotos?|foto|credit|file photo|screenshot)\s*(?:by|:|credit:)[^)]*\)[\s.]*$`,
 * `\((?:via|source:?)\s+[^)]{1,40}\)[\s.]*$` or
 * `\|\s*(?:photos?|images?|fotos?|credit|source|screenshot)\s*:[^|]*$`.
 * Every match runs to the end, so only the brackets opened after the last ")" but one, and the
 * last "|", can start one; `text.replace(thatPattern, "")` is `text.slice(0, creditStart(text))`.
 */
export function creditStart(text: string): number {
  let start = -1;
  const { close, from } = closingBracket(text);
  if (close >= 0) {
    for (let open = text.indexOf("(", from); open >= 0 && open < close;) {
      CREDIT_OPEN.lastIndex = open;
      if (CREDIT_OPEN.test(text) || viaCreditAt(text, open, close)) {
        start = open;
        break;
      }
      open = text.indexOf("(", open + 1);
    }
  }
  const bar = text.lastIndexOf("|");
  if (bar >= 0 && (start < 0 || bar < start)) {
    CREDIT_BAR.lastIndex = bar;
    if (CREDIT_BAR.test(text)) start = bar;
  }
  return start;
}

/** True when the text ends with a "(via …)" or "(source: …)" credit: `\((?:via|source:?)\s+[^)]{1,40}\)[\s.]*$` (case-insensitive). */
export function endsWithViaCredit(text: string): boolean {
  const { close, from } = closingBracket(text);
  if (close < 0) return false;
  for (let open = text.indexOf("(", from); open >= 0 && open < close;) {
    if (viaCreditAt(text, open, close)) return true;
    open = text.indexOf("(", open + 1);
  }
  return false;
}

/** The separators of a breadcrumb trail: `>`, `›`, `»`, `/`, `\`, `|`. */
function isTrailMark(c: number): boolean {
  return c === 62 || c === 0x203a || c === 0xbb || c === 47 || c === 92 || c === 124;
}

/** One crumb without the spaces around it: `[\p{L}][\p{L}\p{N} .'&-]{0,28}`. */
const CRUMB = /^[\p{L}][\p{L}\p{N} .'&-]{0,28}$/u;

/**
 * True for a breadcrumb trail (section > sub-section):
 * `^[\p{L}][\p{L}\p{N} .'&-]{0,28}(?:\s*(?:>|›|»|\/|\\|\|)\s*[\p{L}][\p{L}\p{N} .'&-]{0,28}){1,4}$`.
 * The marks are neither spaces nor crumb characters, so they cut the text into 2 to 5 crumbs, each
 * with the spaces around it. A crumb takes every space before it (it starts with a letter), and
 * none after it but those of its own characters: the shortest crumb fits wherever a longer one
 * would. (As one expression, every way of sharing spaces between the crumbs and the `\s*` around
 * the marks was tried.)
 */
export function isBreadcrumb(text: string): boolean {
  let marks = 0;
  for (let i = 0; i < text.length; i++) if (isTrailMark(text.charCodeAt(i)) && ++marks > 4) break;
  if (marks < 1 || marks > 4) return false;
  let start = 0;
  for (let crumb = 0; crumb <= marks; crumb++) {
    let end = start;
    while (end < text.length && !isTrailMark(text.charCodeAt(end))) end++;
    let from = start;
    let to = end;
    // Spaces before a crumb belong to the mark's `\s*`; the first crumb starts the text.
    if (crumb > 0) while (from < to && isWhitespace(text.charCodeAt(from))) from++;
    // Spaces after a crumb belong to the next mark's `\s*`; the last crumb ends the text.
    if (crumb < marks) to = trailingRunStart(text, isWhitespace, to);
    if (to <= from || !CRUMB.test(text.slice(from, to))) return false;
    start = end + 1;
  }
  return true;
}

/** An address's scheme or "www.": `https?:\/\/|www\.` (case-insensitive). */
const ADDRESS_START = /https?:\/\/|www\./i;
/** A full stop and one of the top-level domains an address may end in. */
const TOP_LEVEL_DOMAIN =
  /\.(?:com|net|org|info|io|tv|ru|ir|ve|bo|cn|news|media|co|uk|es|de|fr)\b/gi;

/** True for an ASCII letter, digit or hyphen (`[a-z0-9-]`, case-insensitive). */
function isDomainChar(c: number): boolean {
  return c === 45 || (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

/** True for a code unit `\w` matches without the `u` flag (`[A-Za-z0-9_]`). */
function isWordChar(c: number): boolean {
  return c === 95 || (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122);
}

/**
 * True when the text holds a web address:
 * `(?:https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|…|fr)\b)` (case-insensitive). For each domain
 * ending, the run of domain characters before its full stop is read once, for a word boundary
 * where a name may start (as an expression, the run was read again from every boundary in it:
 * "a-a-a-…" has one at every character).
 */
export function hasWebAddress(text: string): boolean {
  if (ADDRESS_START.test(text)) return true;
  for (const match of text.matchAll(TOP_LEVEL_DOMAIN)) {
    const dot = match.index;
    for (let start = dot - 1; start >= 0 && isDomainChar(text.charCodeAt(start)); start--) {
      const before = start > 0 && isWordChar(text.charCodeAt(start - 1));
      if (before !== isWordChar(text.charCodeAt(start))) return true;
    }
  }
  return false;
}

/** The phrases of a footer listing alternate addresses, but for "alternat…" + a noun. */
const ALTERNATE_PHRASE =
  /mirror (?:site|address)|(?:also|still) be (?:reached|accessed|found|visited|read)|(?:also|still) (?:available|accessible) (?:at|on|via)/i;
/**
 * A whole word before one of the nouns an "alternat…" word may qualify (the noun is not taken, so
 * that a word it begins is read too).
 */
const WORD_BEFORE_ADDRESS = /(?<!\w)\w+(?= (?:address|domain|url|link|site|mirror))/gi;

/**
 * True when the text speaks of the site's other addresses:
 * `(?:alternat\w+ (?:address|domain|url|link|site|mirror)s?|mirror (?:site|address)|(?:also|still) be (?:reached|accessed|found|visited|read)|(?:also|still) (?:available|accessible) (?:at|on|via))`
 * (case-insensitive). The first branch is read word by word: a word before one of the nouns must
 * hold "alternat" with a character after it (as an expression, each "alternat" in a word read
 * the word to its end).
 */
export function mentionsAlternateAddress(text: string): boolean {
  if (ALTERNATE_PHRASE.test(text)) return true;
  for (const match of text.matchAll(WORD_BEFORE_ADDRESS)) {
    const word = match[0].toLowerCase();
    if (word.length > 8 && word.lastIndexOf("alternat", word.length - 9) >= 0) return true;
  }
  return false;
}

/** True for an opening quotation mark: `“`, `"` or `‘`. */
function isOpeningQuote(c: number): boolean {
  return c === 0x201c || c === 34 || c === 0x2018;
}

/** True for a closing quotation mark: `”`, `"` or `’`. */
function isClosingQuote(c: number): boolean {
  return c === 0x201d || c === 34 || c === 0x2019;
}

/**
 * The quoted phrases of a text, in order: the first group of each match of
 * `/[“"‘]([^”"’]{8,200})[”"’]/gu`. A phrase ends at the first closing mark after its opening one,
 * so each closing mark is read once, with the opening marks at most 200 characters before it (as
 * an expression, each opening mark read up to 200 characters on).
 */
export function* quotedPhrases(text: string): Generator<string> {
  // Where the next phrase may open, and the last closing mark passed (a `"` may open the next).
  let from = 0;
  let previous = 0;
  for (let close = 0; close < text.length; close++) {
    if (!isClosingQuote(text.charCodeAt(close))) continue;
    // Walk back from the closing mark, counting characters (a surrogate pair is one).
    const lowest = Math.max(from, previous);
    let open = -1;
    let characters = 0;
    for (let i = close - 1; i >= lowest && characters <= 200; i--) {
      if (characters >= 8 && isOpeningQuote(text.charCodeAt(i))) open = i;
      const c = text.charCodeAt(i);
      const pair = c >= 0xdc00 && c <= 0xdfff && i > lowest && isHighSurrogate(text, i - 1);
      if (pair) i--;
      characters++;
    }
    previous = close;
    if (open < 0) continue;
    yield text.slice(open + 1, close);
    from = close + 1;
  }
}

/** True for a high surrogate at `i`. */
function isHighSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}
