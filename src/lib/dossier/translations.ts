/**
 * Translations between an incident's articles, found without reading either language: a text and
 * its translation share what no translator changes — numbers, names, web addresses and handles —
 * while sharing no sentence. No language model is involved (nothing is downloaded at run time).
 */
import type { ArchiveDocument } from "../archive/index.ts";

/** The fewest anchors two articles must share to be proposed as translations. */
const minShared = 8;
/**
 * The share of the larger article's anchors the two must have in common, in the same order: a
 * translation carries about as many anchors as its original, a shorter report of the same event
 * fewer, in another order.
 */
const minContainment = 0.45;

/** Month names in the languages of the field's sources, by month number (a date survives translation). */
const months = new Map(
  [
    "january enero janvier janeiro januar gennaio",
    "february febrero fevrier fevereiro februar febbraio",
    "march marzo mars marco marz",
    "april abril avril aprile",
    "may mayo mai maio maggio",
    "june junio juin junho juni giugno",
    "july julio juillet julho juli luglio",
    "august agosto aout",
    "september septiembre setiembre septembre setembro settembre",
    "october octubre octobre outubro oktober ottobre",
    "november noviembre novembre novembro",
    "december diciembre decembre dezembro dezember dicembre",
  ].flatMap((names, index) =>
    names.split(" ").map((name) => [name, `#month-${index + 1}`] as const),
  ),
);

/** Numbers, web hosts, handles and words, in text order. */
const token =
  /(?<host>\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}\b)|(?<handle>(?<![\w@])@\w{2,})|(?<number>\d(?:[\d.,]*\d)?)|(?<word>\p{L}[\p{L}'’-]*)/giu;

/**
 * The language-independent anchors of a text, in text order: numbers without their separators
 * (`6,154` and `6.154` are one number), month names as their number, web hosts, `@handles`, and
 * capitalised words not at a sentence's start (names), without accents or a possessive `'s`.
 */
export function anchorsOf(text: string): string[] {
  const anchors: string[] = [];
  let sentenceStart = true;
  for (const match of text.matchAll(token)) {
    const { host, handle, number, word } = match.groups ?? {};
    const before = text.slice(Math.max(0, match.index - 3), match.index);
    const start = sentenceStart || /(?:[.!?¡¿:;"“«]|\n)\s*$/.test(before);
    sentenceStart = false;
    if (host !== undefined)
      anchors.push(`@${host.toLowerCase().replace(/^(?:https?:\/\/)?(?:www\.)?/, "")}`);
    else if (handle !== undefined) anchors.push(handle.toLowerCase());
    else if (number !== undefined) anchors.push(`#${number.replace(/[.,]/g, "")}`);
    else if (word !== undefined) {
      const folded = word
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/['’]s$/, "");
      const month = months.get(folded);
      if (month !== undefined) anchors.push(month);
      else if (!start && /^\p{Lu}/u.test(word) && folded.length >= 3) anchors.push(folded);
    }
  }
  return anchors;
}

/** The most anchors compared per article: a translation shows itself long before that. */
const maxAnchors = 2000;

/**
 * How many anchors two sequences share in the same order (the longest common subsequence): a
 * translation follows its original sentence by sentence, while two reports of one event share
 * names and numbers in another order. Two rows of the table, O(n·m) time with n, m ≤ `maxAnchors`.
 */
function sharedInOrder(a: readonly string[], b: readonly string[]): number {
  const [x, y] = [a.slice(0, maxAnchors), b.slice(0, maxAnchors)];
  let previous = new Uint16Array(y.length + 1);
  let current = new Uint16Array(y.length + 1);
  for (const anchor of x) {
    for (let j = 1; j <= y.length; j++)
      current[j] =
        anchor === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[y.length]!;
}

/** Two articles that look like translations of each other. */
export interface LikelyTranslation {
  /** One article's document id. */
  a: string;
  /** The other's. */
  b: string;
  /** Anchors they share in the same order (numbers, names, addresses, handles). */
  shared: number;
  /** `shared` over the larger article's anchor count. */
  containment: number;
}

/**
 * Pairs of articles that share most of their anchors but no paragraph (articles that share text are
 * copies or quotations, found by the archive engine). Each pair once, `a` before `b` in the input.
 */
export function likelyTranslations(documents: readonly ArchiveDocument[]): LikelyTranslation[] {
  const anchors = documents.map((document) =>
    anchorsOf(document.paragraphs.map((paragraph) => paragraph.text).join("\n")),
  );
  const pairs: LikelyTranslation[] = [];
  documents.forEach((a, i) => {
    const sharesText = new Set(a.sharedParagraphs.flatMap((shared) => shared.documents));
    for (let j = i + 1; j < documents.length; j++) {
      const b = documents[j]!;
      if (sharesText.has(b.id) || a.id === b.id) continue;
      const larger = Math.max(anchors[i]!.length, anchors[j]!.length);
      if (Math.min(anchors[i]!.length, anchors[j]!.length) < minShared) continue;
      const shared = sharedInOrder(anchors[i]!, anchors[j]!);
      const containment = shared / larger;
      if (shared >= minShared && containment >= minContainment)
        pairs.push({ a: a.id, b: b.id, shared, containment });
    }
  });
  return pairs;
}
