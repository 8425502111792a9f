/**
 * The comparison form of a paragraph. Only used to decide whether two paragraphs are the same;
 * displayed text is never altered. Digits are kept ("killed 5" and "killed 7" stay different).
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u301d\u301e]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;
const ASCII = /^[\u0000-\u007f]*$/;
/** Code units of `foldedKey` results (a scratch buffer, grown as needed). */
let keyUnits = new Uint16Array(1024);
const utf16 = new TextDecoder("utf-16le");
/** The longest key `foldedKey` builds with fromCharCode (about where a TextDecoder call costs the same). */
const SHORT_KEY = 32;

/** Composing characters: combining marks and Hangul jamo. */
const COMPOSING = /[\p{M}\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\ud800-\udfff]/u;
/** Characters NFKC leaves alone: ASCII, no-break space and precomposed Latin letters. */
const NFKC_STABLE = /^[\u0000-\u007f\u00a0\u00c0-\u0131\u0134-\u013e\u0141-\u0148\u014a-\u017e]*$/;

/** Folds quotes, dashes and compatibility characters; case and whitespace are left as they are. */
function foldMarks(text: string): string {
  let out = text;
  if (!ASCII.test(out)) {
    // Typographic quotes and dashes are the usual non-ASCII characters; NFKC only if more remain.
    out = out.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-");
    if (!NFKC_STABLE.test(out)) {
      const composed = out.normalize("NFKC");
      if (composed !== out)
        out = composed.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, "-");
    }
  }
  return out;
}

/** Folds quotes, dashes, compatibility characters and case; whitespace is left as it is. */
function fold(text: string): string {
  return foldMarks(text).toLowerCase();
}

/** Collapses whitespace runs to one space and trims (skipped when already tidy). */
function collapse(text: string): string {
  const tidy =
    !text.includes("  ") &&
    text.charCodeAt(0) !== 32 &&
    text.charCodeAt(text.length - 1) !== 32 &&
    !ODD_SPACE.test(text) &&
    !text.includes("\n") &&
    !text.includes("\r");
  return tidy ? text : text.replace(SPACES, " ").trim();
}

/** Normalises text for comparison: NFKC, ASCII quotes and dashes, collapsed whitespace, lower case. */
export function normalise(text: string): string {
  return foldedKey(text) ?? collapse(fold(text));
}

/**
 * Normalises every line of a text at once (the same result as `normalise` on each line, but one
 * pass per step over the whole capture instead of one per line). `lines` must be the capture's
 * lines split the same way (see `splitLines`).
 */
export function normaliseLines(text: string, count: number): string[] {
  const unix = text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const folded = foldMarks(unix);
  const lines = folded.split("\n");
  lines.length = count;
  // Most lines have tidy spacing; one search of the whole text rules out odd spaces everywhere.
  const odd = ODD_SPACE.test(folded);
  for (let i = 0; i < count; i++) {
    const line = lines[i] ?? "";
    const untidy =
      line.includes("  ") ||
      line.charCodeAt(0) === 32 ||
      line.charCodeAt(line.length - 1) === 32 ||
      (odd && ODD_SPACE.test(line));
    // Lower-casing each line (not the whole text) also gives each key its own flat string,
    // which later character loops (hashing, shingles) read about twice as fast as slices.
    const tidy = untidy ? line.replace(SPACES, " ").trim() : line;
    const lower = tidy.toLowerCase();
    // A line with nothing to change would still be a slice of the whole folded text and keep it
    // alive; copy it so that each key owns its characters.
    lines[i] = lower === line ? (" " + lower).slice(1) : lower;
  }
  return lines;
}

/** True for text made only of ASCII characters. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

/** Marks, in `FOLD`, a code unit that only full normalisation handles. */
export const UNFOLDED = 0xffff;

/**
 * What `normalise` makes of each UTF-16 code unit it maps one to one: 32 for whitespace, the ASCII
 * quote or dash for typographic ones, the lower-case form of characters NFKC leaves alone. The
 * rest is UNFOLDED: characters NFKC changes or that compose with their neighbours (combining
 * marks, Hangul jamo), lower-case mappings that are not one code unit or depend on context (İ, Σ),
 * surrogates — and the backtick, which `normalise` folds only in text that is not pure ASCII.
 * Lets hot loops read the normalised text without building it.
 */
export const FOLD: Uint16Array = foldTable();

/** Builds `FOLD` from the same patterns `normalise` uses. */
function foldTable(): Uint16Array {
  const table = new Uint16Array(0x10000).fill(UNFOLDED);
  for (let c = 0; c < 0x10000; c++) {
    const char = String.fromCharCode(c);
    if (isMark(char, SINGLE_QUOTES)) table[c] = 39;
    else if (isMark(char, DOUBLE_QUOTES)) table[c] = 34;
    else if (isMark(char, DASHES)) table[c] = 45;
    else if (isMark(char, SPACES)) table[c] = char.normalize("NFKC") === char ? 32 : UNFOLDED;
    else if (foldsAlone(char)) table[c] = char.toLowerCase().charCodeAt(0);
  }
  table[0x60] = UNFOLDED;
  return table;
}

/** True for a character that NFKC leaves alone wherever it stands and that lower-cases to one code unit. */
function foldsAlone(char: string): boolean {
  return (
    (char < "\u0080" || (char.normalize("NFKC") === char && !COMPOSING.test(char))) &&
    char !== "\u03a3" &&
    char.toLowerCase().length === 1
  );
}

/** True when a global pattern matches the character (resetting its position first). */
function isMark(char: string, pattern: RegExp): boolean {
  pattern.lastIndex = 0;
  return pattern.test(char);
}

/**
 * `normalise(text)` built from `FOLD` in one pass instead of several, or undefined when a
 * character needs full normalisation (see `UNFOLDED`).
 */
function foldedKey(text: string): string | undefined {
  if (keyUnits.length < text.length) keyUnits = new Uint16Array(text.length * 2);
  const units = keyUnits;
  let n = 0;
  let pending = false;
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text.charCodeAt(i)]!;
    if (c === 32) {
      pending = n > 0;
      continue;
    }
    if (c === UNFOLDED) return undefined;
    if (pending) {
      units[n++] = 32;
      pending = false;
    }
    units[n++] = c;
  }
  // Short keys go through fromCharCode (a TextDecoder call costs more than the copy); longer
  // ones through the decoder, which copies them natively.
  return n <= SHORT_KEY
    ? String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[])
    : utf16.decode(units.subarray(0, n));
}

/** The first code unit of `normalise(text)` for text whose characters fold (see `FOLD`); -1 if none. */
export function foldedStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = FOLD[text.charCodeAt(i)]!;
    if (c !== 32) return c;
  }
  return -1;
}

/** Whitespace that `normalise` turns into a plain space, other than space and line breaks. */
const ODD_SPACE = /[\t\v\f\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Counts whitespace-separated words in display text (cheap, for length heuristics). */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  let spaceless = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 9 || c === 160 || c === 10 || c === 13;
    if (!space && !inWord) count++;
    inWord = !space;
    if (c >= 0x3040 && isSpaceless(c)) spaceless = true;
  }
  return spaceless ? segmentedWordCount(text) : count;
}

/**
 * True for a character of a script written without spaces (kana, CJK ideographs): each is a word
 * of its own for shingles, so that Japanese or Chinese text gets shingles of three characters
 * rather than one "word" per sentence.
 */
export function isSpaceless(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)
  );
}

/** Word segmentation for scripts written without spaces (made once; the ICU data ships with Node). */
let segmenter: Intl.Segmenter | undefined;

/**
 * Words of text as `Intl.Segmenter` finds them (dictionary-based for Japanese and Chinese), for
 * text written without spaces, where counting spaces would make a paragraph one word.
 */
export function segmentedWordCount(text: string): number {
  segmenter ??= new Intl.Segmenter("ja", { granularity: "word" });
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike === true) count++;
  return count;
}

/** True when text holds a character of a script written without spaces (see `isSpaceless`). */
export function hasSpaceless(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && isSpaceless(c)) return true;
  }
  return false;
}
