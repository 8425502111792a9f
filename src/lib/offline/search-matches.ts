/**
 * Reading Pagefind's results across the shards of the search index.
 *
 * When no word of an index starts with a search term, Pagefind searches for the longest word of
 * that index the term starts with instead (pagefind_web/src/search.rs, `find_word_extensions`):
 * "achacachi" becomes "a", "theoktisto" becomes "the". On one index that only happens to a word
 * the site lacks; on a site split into shards (src/integration/steps/search-index.ts), every shard
 * without the word does it, and a word on one page finds nearly every page. Pagefind has no option
 * to turn this off, so the search page checks, per shard, whether its results match the terms.
 */

/** Characters Pagefind drops from a query (pagefind_web_js/lib/coupled_search.ts): punctuation. */
const punctuation = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

/** A word as Pagefind compares it: lower case, without punctuation or diacritics. */
function normalizeWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").replace(punctuation, "").toLocaleLowerCase();
}

/**
 * The terms of a query that Pagefind matches by prefix, normalised; none for a quoted (exact)
 * query, which Pagefind never widens to a shorter word.
 */
export function prefixTerms(query: string): string[] {
  if (/^\s*".+"\s*$/.test(query)) return [];
  return query
    .split(/\s+/)
    .map(normalizeWord)
    .filter((term) => term !== "");
}

/** What the check needs of one Pagefind result's data. */
export interface MatchedText {
  /** The page's indexed text (words separated by white space). */
  content: string;
  /** Positions of the matched words in `content` split on white space. */
  locations: number[];
}

/**
 * True when every term is matched by a word that starts with it, which is what Pagefind matches
 * unless it fell back to a shorter word. A hyphenated word also counts by its parts ("service" in
 * "denial-of-service"), as Pagefind indexes them. A stem shorter than the term ("election" for
 * "elections") does not count here: the caller checks those with an exact search.
 */
export function matchesTerms(text: MatchedText, terms: readonly string[]): boolean {
  const words = text.content.split(/\s+/);
  const matched = text.locations.flatMap((location) => {
    const word = words[location] ?? "";
    return [normalizeWord(word), ...word.split(/[-‐‑–—/]/).map(normalizeWord)];
  });
  return terms.every((term) => matched.some((word) => word.startsWith(term)));
}

/** An element with an id in a Pagefind result, and where it starts in the page's words. */
export interface Anchor {
  /** The element's tag name, lower case. */
  element: string;
  /** The element's id. */
  id: string;
  /** The word position at which the element starts. */
  location: number;
}

/** Elements a result may link to: headings and blocks of text, not a chart's inner parts. */
const linkable = /^(?:h[1-6]|p|div|li|tr|section|details)$/;

/**
 * The id to link a result to: the element with an id that most closely precedes the first match
 * (a paragraph of a source text, a row of a table, a heading), so that the reader lands on the
 * match rather than on the top of a long page; undefined when no id precedes it.
 */
export function anchorOf(
  anchors: readonly Anchor[],
  locations: readonly number[],
): string | undefined {
  if (locations.length === 0) return undefined;
  const first = Math.min(...locations);
  let best: Anchor | undefined;
  for (const anchor of anchors)
    if (
      linkable.test(anchor.element) &&
      anchor.location <= first &&
      (best === undefined || anchor.location >= best.location)
    )
      best = anchor;
  return best?.id;
}
