/**
 * Which blocks of a saved page are its main content, as Mozilla's Readability (the extractor of
 * Firefox's reader view) judges them, run over linkedom's DOM: no browser, no network. The
 * extractor rewrites the page (it drops, merges and re-tags elements), so its verdict is carried
 * back to the page's own blocks by their text: the longest in-order run of blocks whose words are
 * the same in both (a longest common subsequence over exact matches), then any block whose word
 * triples are mostly in the extracted text (a paragraph the extractor split or trimmed).
 * docs/design.md ("Capture formats") gives the measurements behind the choice.
 */
import { Readability } from "@mozilla/readability";
import { DOMParser } from "linkedom";
import { articleBlocks, type ArticleNode } from "./article-blocks.ts";
import type { PageBlock, PageReading } from "./html-blocks.ts";

/** The main-content verdict for a page's blocks. */
export interface MainContent {
  /** 1 for each block (by index) inside the main content. */
  inside: Uint8Array;
  /** Why every block was kept as a candidate, when the extractor found no main content. */
  problem?: string;
}

/** Words, as compared: runs of letters and digits, lower-cased. */
const WORD = /[\p{L}\p{N}]+/gu;

/** A block's words more often repeated in the page than this are not matched (they decide nothing). */
const MAX_REPEATS = 64;

/** Share of a block's word triples that must be in the extracted text for it to count as inside. */
const TRIPLE_SHARE = 0.5;

/** Headings that may hold the article's title, which Readability keeps apart from the content. */
const HEADING = /^h[1-6]$/;

/**
 * Judges which of `reading`'s blocks are main content. `html` is the page the blocks were read
 * from; `title` the page's own title (from its metadata), also looked for among the headings.
 */
export function mainContent(html: string, reading: PageReading, title?: string): MainContent {
  const all = (problem: string): MainContent => ({
    inside: new Uint8Array(reading.blocks.length).fill(1),
    problem,
  });
  if (reading.blocks.length === 0) return { inside: new Uint8Array(0) };
  // A page without <body> (a fragment) is read by browsers as if its content were in one.
  const source = reading.hasBody
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  let article: ReturnType<Readability<ArticleNode>["parse"]>;
  try {
    const document = new DOMParser().parseFromString(source, "text/html");
    article = new Readability<ArticleNode>(
      document as unknown as ConstructorParameters<typeof Readability>[0],
      {
        // The page was already read within the element limit: Readability need not count again.
        maxElemsToParse: 0,
        // The article's DOM itself, read into blocks below: no HTML to write and parse again.
        serializer: (node) => node,
        // Class attributes are never read from the article: no need to walk it to strip them.
        keepClasses: true,
      },
    ).parse();
  } catch (error) {
    return all(`the main-content extractor failed (${String(error).slice(0, 200)})`);
  }
  const content = article?.content;
  const extracted = content ? articleBlocks(content) : [];
  if (extracted.length === 0) return all("the main-content extractor found no article in the page");
  const inside = align(reading.blocks, extracted);
  keepTitle(reading.blocks, inside, [article?.title ?? undefined, title]);
  if (!inside.includes(1))
    return all("the main-content extractor's text matched none of the page's");
  return { inside };
}

/** A text's words, lower-cased, joined by single spaces. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Marks the page blocks found in the extracted blocks: first the longest common subsequence of
 * exact matches (Hunt–Szymanski: linear in the matches, which are few since most texts occur
 * once), then, among the rest, blocks of three or more words most of whose word triples occur in
 * the extracted text. Words are numbered once (`Vocabulary`), so that blocks and triples are
 * compared as numbers; the extracted text's triples are gathered only when a block is left over.
 */
function align(page: readonly PageBlock[], extracted: readonly string[]): Uint8Array {
  const inside = new Uint8Array(page.length);
  const vocabulary = new Vocabulary();
  const pageWords = page.map((block) => vocabulary.ids(block.text));
  const extractedWords = extracted.map((text) => vocabulary.ids(text));
  const where = new Map<string, number[]>();
  extractedWords.forEach((words, j) => {
    if (words.length === 0) return;
    const key = blockKey(words);
    const list = where.get(key);
    if (list) list.push(j);
    else where.set(key, [j]);
  });
  // tails[k]: the smallest extracted index ending a common run of length k + 1; node ids beside.
  const tails: number[] = [];
  const tailNodes: number[] = [];
  const nodeBlock: number[] = [];
  const nodePrevious: number[] = [];
  pageWords.forEach((words, i) => {
    const list = words.length === 0 ? undefined : where.get(blockKey(words));
    if (list === undefined || list.length > MAX_REPEATS) return;
    // Descending, so that one page block extends a run at most once.
    for (let t = list.length - 1; t >= 0; t--) {
      const j = list[t]!;
      let low = 0;
      let high = tails.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (tails[middle]! < j) low = middle + 1;
        else high = middle;
      }
      const node = nodeBlock.length;
      nodeBlock.push(i);
      nodePrevious.push(low > 0 ? tailNodes[low - 1]! : -1);
      tails[low] = j;
      tailNodes[low] = node;
    }
  });
  for (let node = tailNodes[tails.length - 1] ?? -1; node >= 0; node = nodePrevious[node]!)
    inside[nodeBlock[node]!] = 1;
  let triples: Set<number | string> | undefined;
  pageWords.forEach((words, i) => {
    if (inside[i] === 1 || words.length < 3) return;
    if (triples === undefined) {
      triples = new Set();
      const stream = extractedWords.flat();
      for (let k = 0; k + 2 < stream.length; k++)
        triples.add(vocabulary.triple(stream[k]!, stream[k + 1]!, stream[k + 2]!));
    }
    let found = 0;
    for (let k = 0; k + 2 < words.length; k++)
      if (triples.has(vocabulary.triple(words[k]!, words[k + 1]!, words[k + 2]!))) found++;
    if (found >= (words.length - 2) * TRIPLE_SHARE) inside[i] = 1;
  });
  return inside;
}

/** A block's key for exact matching: its word numbers. */
function blockKey(words: readonly number[]): string {
  return words.join(",");
}

/** Word ids below this make a triple one safe integer (3 × 17 bits < 53). */
const SMALL_VOCABULARY = 1 << 17;

/** Numbers for the words of a page and its extracted text (the same word, the same number). */
class Vocabulary {
  private readonly numbers = new Map<string, number>();

  /** A text's words (as `wordsOf` finds them), numbered. */
  ids(text: string): number[] {
    const words = wordsOf(text);
    const ids = new Array<number>(words.length);
    for (let k = 0; k < words.length; k++) {
      let id = this.numbers.get(words[k]!);
      if (id === undefined) {
        id = this.numbers.size;
        this.numbers.set(words[k]!, id);
      }
      ids[k] = id;
    }
    return ids;
  }

  /** A key for three words in a row: a number while the vocabulary is small, else a string. */
  triple(a: number, b: number, c: number): number | string {
    return this.numbers.size < SMALL_VOCABULARY
      ? (a * SMALL_VOCABULARY + b) * SMALL_VOCABULARY + c
      : `${a},${b},${c}`;
  }
}

/**
 * Keeps the article's headline: Readability takes the title out of the content, but a reader of
 * the dossier needs it. The last heading before the main content whose words are a title's is
 * marked inside.
 */
function keepTitle(
  page: readonly PageBlock[],
  inside: Uint8Array,
  titles: readonly (string | undefined)[],
): void {
  const first = inside.indexOf(1);
  if (first < 0) return;
  const wanted = new Set(
    titles.filter((title) => title !== undefined).map((title) => wordsOf(title).join(" ")),
  );
  wanted.delete("");
  for (let i = first - 1; i >= 0; i--) {
    if (HEADING.test(page[i]!.tag) && wanted.has(wordsOf(page[i]!.text).join(" "))) {
      inside[i] = 1;
      return;
    }
  }
}
