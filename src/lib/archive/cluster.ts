/**
 * Grouping: union–find over integers, and clustering of articles into documents. Two articles are
 * copies of one document when most of the text of the smaller one is found in the larger one
 * (containment, so an abridged or reflowed reprint still joins its original), over at least two
 * paragraphs of each; quoting one paragraph of another article is not enough.
 */

/** A union–find (disjoint set) forest over 0…size-1. */
export interface UnionFind {
  /** parent[i] = i for a root. */
  parent: Int32Array;
}

/** Creates a forest of singletons. */
export function unionFind(size: number): UnionFind {
  const parent = new Int32Array(size);
  for (let i = 0; i < size; i++) parent[i] = i;
  return { parent };
}

/** The root of i's set (with path halving). */
export function find(sets: UnionFind, i: number): number {
  const parent = sets.parent;
  let x = i;
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/** Joins the sets of i and j; the smaller root wins, so results do not depend on call order. */
export function union(sets: UnionFind, i: number, j: number): void {
  const a = find(sets, i);
  const b = find(sets, j);
  if (a < b) sets.parent[b] = a;
  else if (b < a) sets.parent[a] = b;
}

/** Thresholds for treating two articles as copies of one document. */
export interface ClusterOptions {
  /** Share of the smaller article's text (word shingles) that must be found in the other. */
  containment: number;
  /** Paragraphs that must be shared (fewer only if an article is that short). */
  minShared: number;
  /** Paragraphs or shingles found in more articles than this are too common to propose pairs. */
  maxFanout: number;
}

/** Default clustering thresholds. */
export const defaultCluster: ClusterOptions = { containment: 0.6, minShared: 2, maxFanout: 64 };

/** Pairs of articles the researchers say are (`same`) or are not (`apart`) one document. */
export interface DecidedPairs {
  /** Articles joined whatever their paragraphs. */
  same: readonly (readonly [number, number])[];
  /** Articles never put in one cluster. */
  apart: readonly (readonly [number, number])[];
}

/**
 * What grouping knows of one article before comparing texts: plain data (typed arrays), so that
 * grouping can be run, tested and steered (e.g. by pairs a researcher forces or forbids) without
 * the engine.
 */
export interface ArticleSketch {
  /** Sorted, unique sampled word-shingle hashes of its content (see `isSampled`). */
  samples: Uint32Array;
  /** Sorted unique paragraph units: near-duplicate groups, or short lines for an article of those. */
  units: Int32Array;
  /** Word shingles of its content: its size, largest first. */
  size: number;
}

/** An article's text as grouping compares it (built only for articles that have candidates). */
export interface ArticleText {
  /** Word-shingle hashes of its content in reading order (recurring chrome left out). */
  shingles: Uint32Array;
  /** For each shingle, the content paragraph (index within the article) it comes from. */
  paragraphs: Uint32Array;
  /** Number of shingles of each content paragraph. */
  sizes: Int32Array;
}

/** A representative's shingles in an open-addressing table (slot → 1 + shingle index). */
interface ShingleTable {
  /** The text. */
  text: ArticleText;
  /** Slots. */
  slots: Int32Array;
}

/** Builds the table of a text (the first occurrence of each shingle). */
function shingleTable(text: ArticleText): ShingleTable {
  let size = 2;
  while (size < text.shingles.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size);
  const { shingles } = text;
  for (let i = 0; i < shingles.length; i++) {
    const h = shingles[i]!;
    let slot = h & mask;
    for (;;) {
      const entry = slots[slot]!;
      if (entry === 0) {
        slots[slot] = i + 1;
        break;
      }
      if (shingles[entry - 1] === h) break;
      slot = (slot + 1) & mask;
    }
  }
  return { text, slots };
}

/** The index of a shingle in a table's text, or -1. */
function lookup(table: ShingleTable, h: number): number {
  const mask = table.slots.length - 1;
  const shingles = table.text.shingles;
  let slot = h & mask;
  for (;;) {
    const entry = table.slots[slot]!;
    if (entry === 0) return -1;
    if (shingles[entry - 1] === h) return entry - 1;
    slot = (slot + 1) & mask;
  }
}

/**
 * True for the shingles indexed to propose pairs: one in sixteen, by value (the same in every
 * article), so that a paragraph of forty words is found inside a longer one by two or three.
 */
export function isSampled(hash: number): boolean {
  return (hash & 15) === 0;
}

/** Clusters compared with each article, at most (those sharing most candidates with it first). */
const MAX_TRIED = 8;

/** A share of an article found in a representative that no other can beat by much: stop there. */
const CLEAR = 0.95;

/** Sampled shingles are packed with their article as hash · 2^21 + article (below 2^53). */
const PACK = 2 ** 21;

/**
 * Groups articles into documents. Articles are taken from the largest down; each joins the
 * cluster whose representative (its first, largest member) contains most of it — most of its
 * text by word shingles, spread over at least two paragraphs of one of them — or
 * starts a cluster of its own. Being contained is a one-way "version of" link to one
 * representative: an article never joins two clusters together, so one shared paragraph cannot
 * chain documents. Pairs are proposed by shared paragraph units and by an index of sampled word
 * shingles, which also finds a small text inside a much larger one (a paragraph of one copy run
 * together with others in another). `textOf` gives an article's text when it is compared. Returns
 * the cluster root of every article (the smallest article index in its cluster). The pairs the
 * researchers `decided` steer it: an article never joins a cluster holding an article it is kept
 * `apart` from, and the clusters of a `same` pair are joined at the end.
 */
export function clusterArticles(
  articles: readonly ArticleSketch[],
  textOf: (article: number) => ArticleText,
  options: ClusterOptions = defaultCluster,
  decided: DecidedPairs = { same: [], apart: [] },
): Int32Array {
  const count = articles.length;
  const byUnit = articlesByUnit(articles.map((article) => article.units));
  // Beyond 2^21 articles, only shared paragraphs propose pairs.
  const bySample = sampleIndex(count < PACK ? articles : []);
  const order = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) =>
      articles[b]!.size - articles[a]!.size ||
      articles[b]!.units.length - articles[a]!.units.length ||
      a - b,
  );
  const clusterOf = new Int32Array(count).fill(-1);
  const representatives: number[] = [];
  const apartFrom = new Map<number, number[]>();
  for (const [x, y] of decided.apart) {
    apartFrom.set(x, [...(apartFrom.get(x) ?? []), y]);
    apartFrom.set(y, [...(apartFrom.get(y) ?? []), x]);
  }
  /** True when cluster c holds an article the researchers keep apart from a. */
  const keptApart = (a: number, c: number): boolean =>
    apartFrom.get(a)?.some((other) => clusterOf[other] === c) ?? false;
  const votes = new Int32Array(count);
  const touched: number[] = [];
  const vote = (b: number): void => {
    const c = clusterOf[b]!;
    if (c >= 0 && votes[c]!++ === 0) touched.push(c);
  };
  // Representatives' tables, built when first compared.
  const tables = new Map<number, ShingleTable>();
  const table = (r: number): ShingleTable => {
    let found = tables.get(r);
    if (!found) tables.set(r, (found = shingleTable(textOf(r))));
    return found;
  };
  const scratch = { a: new Int32Array(16), r: new Int32Array(16) };
  /** The best cluster among those voted for (and clears the votes), or -1. */
  const bestOf = (a: number, article: ArticleSketch, tried: Set<number>): number => {
    touched.sort((x, y) => votes[y]! - votes[x]! || x - y);
    let best = -1;
    let bestScore = 0;
    const own = touched.length > 0 ? textOf(a) : undefined;
    for (const c of touched) {
      if (tried.size >= MAX_TRIED) break;
      if (tried.has(c)) continue;
      tried.add(c);
      if (keptApart(a, c)) continue;
      const r = representatives[c]!;
      const score = containedIn(article, own!, articles[r]!, table(r), options, scratch);
      if (score > bestScore) {
        best = c;
        bestScore = score;
        if (score >= CLEAR) break;
      }
    }
    for (const c of touched) votes[c] = 0;
    touched.length = 0;
    return best;
  };
  for (const a of order) {
    const article = articles[a]!;
    for (const unit of article.units) {
      const first = byUnit.starts[unit]!;
      const end = byUnit.starts[unit + 1]!;
      if (end - first > options.maxFanout) continue;
      for (let k = first; k < end; k++) vote(byUnit.articles[k]!);
    }
    // Shared paragraphs find most copies; sampled shingles the rest (text run together or cut
    // differently), so they are looked up only when paragraphs found no cluster.
    const tried = new Set<number>();
    let best = bestOf(a, article, tried);
    if (best < 0) {
      for (const h of article.samples) {
        const i = sampleOf(bySample, h);
        if (i < 0) continue;
        const first = bySample.starts[i]!;
        const end = bySample.starts[i + 1]!;
        if (end - first > options.maxFanout) continue;
        for (let k = first; k < end; k++) vote(bySample.articles[k]!);
      }
      best = bestOf(a, article, tried);
    }
    if (best >= 0) clusterOf[a] = best;
    else {
      clusterOf[a] = representatives.length;
      representatives.push(a);
    }
  }
  // The researchers' `same` pairs join their clusters (through a union of cluster ids).
  const joined = Int32Array.from(representatives, (_, c) => c);
  const top = (c: number): number => {
    while (joined[c] !== c) c = joined[c] = joined[joined[c]!]!;
    return c;
  };
  for (const [x, y] of decided.same) {
    const [cx, cy] = [top(clusterOf[x]!), top(clusterOf[y]!)];
    joined[Math.max(cx, cy)] = Math.min(cx, cy);
  }
  for (let a = 0; a < count; a++) clusterOf[a] = top(clusterOf[a]!);
  const rootOf = new Int32Array(representatives.length).fill(count);
  for (let a = 0; a < count; a++) rootOf[clusterOf[a]!] = Math.min(rootOf[clusterOf[a]!]!, a);
  return Int32Array.from(clusterOf, (c) => rootOf[c]!);
}

/** The articles holding each sampled shingle: an open-addressing table over a sorted packing. */
interface SampleIndex {
  /** Slot → 1 + index of its hash in `hashes` (0 = empty). */
  slots: Int32Array;
  /** Distinct sampled hashes. */
  hashes: Uint32Array;
  /** Articles of hash i: articles[starts[i]…starts[i+1]). */
  starts: Int32Array;
  /** Article indices. */
  articles: Int32Array;
}

/** Indexes every article's samples (see `PACK`). */
function sampleIndex(articles: readonly ArticleSketch[]): SampleIndex {
  let total = 0;
  for (const article of articles) total += article.samples.length;
  const packed = new Float64Array(total);
  let n = 0;
  articles.forEach((article, a) => {
    for (const h of article.samples) packed[n++] = h * PACK + a;
  });
  packed.sort();
  const hashes = new Uint32Array(total);
  const starts = new Int32Array(total + 1);
  const owners = new Int32Array(total);
  let distinct = 0;
  for (let k = 0; k < total; k++) {
    const hash = Math.floor(packed[k]! / PACK);
    owners[k] = packed[k]! - hash * PACK;
    if (distinct === 0 || hashes[distinct - 1] !== hash) {
      hashes[distinct] = hash;
      starts[distinct++] = k;
    }
  }
  starts[distinct] = total;
  let size = 2;
  while (size < distinct * 2) size *= 2;
  const slots = new Int32Array(size);
  for (let i = 0; i < distinct; i++) {
    let slot = Math.imul(hashes[i]!, 0x9e3779b1) >>> 0;
    slot &= size - 1;
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = i + 1;
  }
  return { slots, hashes, starts, articles: owners };
}

/** The index of a sampled hash in a sample index, or -1. */
function sampleOf(index: SampleIndex, hash: number): number {
  const mask = index.slots.length - 1;
  let slot = (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;
  for (;;) {
    const entry = index.slots[slot]!;
    if (entry === 0) return -1;
    if (index.hashes[entry - 1] === hash) return entry - 1;
    slot = (slot + 1) & mask;
  }
}

/**
 * How much of article `a` is found in `r`, when enough is to make it a copy (0 otherwise): the
 * share of its shingles that `r` has, when that share reaches `options.containment` and the
 * shared shingles cover at least two paragraphs of one of them (unless both are one paragraph);
 * a paragraph is covered when half its shingles are shared. An article without shingles (short
 * lines only) is compared by its units.
 */
function containedIn(
  a: ArticleSketch,
  textA: ArticleText,
  r: ArticleSketch,
  tableR: ShingleTable,
  options: ClusterOptions,
  scratch: { a: Int32Array; r: Int32Array },
): number {
  if (textA.shingles.length === 0) {
    let shared = 0;
    for (let i = 0, j = 0; i < a.units.length && j < r.units.length;) {
      if (a.units[i] === r.units[j]) {
        shared++;
        i++;
        j++;
      } else if (a.units[i]! < r.units[j]!) i++;
      else j++;
    }
    const smaller = Math.min(a.units.length, r.units.length);
    const enough =
      smaller > 0 &&
      shared >= Math.min(options.minShared, smaller) &&
      shared >= options.containment * smaller;
    return enough ? shared / a.units.length : 0;
  }
  const textR = tableR.text;
  if (scratch.a.length < textA.sizes.length) scratch.a = new Int32Array(textA.sizes.length * 2);
  if (scratch.r.length < textR.sizes.length) scratch.r = new Int32Array(textR.sizes.length * 2);
  const inA = scratch.a;
  const inR = scratch.r;
  inA.fill(0, 0, textA.sizes.length);
  inR.fill(0, 0, textR.sizes.length);
  let common = 0;
  const x = textA.shingles;
  for (let i = 0; i < x.length; i++) {
    const j = lookup(tableR, x[i]!);
    if (j < 0) continue;
    common++;
    inA[textA.paragraphs[i]!]!++;
    inR[textR.paragraphs[j]!]!++;
  }
  const share = common / x.length;
  if (share < options.containment) return 0;
  const [paragraphsA, hitA, insideA] = covered(textA.sizes, inA);
  const [paragraphsR, hitR, insideR] = covered(textR.sizes, inR);
  // What the two share only frames different text (see `covered`); the larger may hold more of its
  // own between shared paragraphs (a quotation, a box) than the copy.
  if (insideA >= FRAME * x.length || insideR >= 2 * FRAME * textR.shingles.length) return 0;
  // Shared text over two paragraphs of either (a reflowed copy runs several together), unless
  // both are one paragraph: one paragraph found in one paragraph is a quotation.
  const needed = Math.min(options.minShared, Math.max(paragraphsA, paragraphsR));
  return Math.max(hitA, hitR) >= needed ? share : 0;
}

/**
 * Share of the smaller article's shingles (twice this of the larger's) that, unshared between
 * shared paragraphs, makes what they share a frame rather than a copy.
 */
const FRAME = 0.25;

/**
 * An article's paragraphs with shingles, those half shared (`shared` counts shared shingles per
 * paragraph), and the shingles of the paragraphs not shared between the first and the last that
 * are. A menu above and a footer below a different story share a frame around it; a copy shares
 * its middle.
 */
function covered(sizes: Int32Array, shared: Int32Array): [number, number, number] {
  let paragraphs = 0;
  let hit = 0;
  let first = -1;
  let last = -1;
  for (let p = 0; p < sizes.length; p++) {
    if (sizes[p] === 0) continue;
    paragraphs++;
    if (shared[p]! * 2 >= sizes[p]!) {
      hit++;
      if (first < 0) first = p;
      last = p;
    }
  }
  let inside = 0;
  for (let p = first + 1; p < last; p++) if (shared[p]! * 2 < sizes[p]!) inside += sizes[p]!;
  return [paragraphs, hit, inside];
}

/**
 * The articles holding each unit, in article order: those of unit u are
 * articles[starts[u]…starts[u+1]) (a counting sort into two typed arrays, not a map of lists).
 */
function articlesByUnit(units: readonly Int32Array[]): {
  starts: Int32Array;
  articles: Int32Array;
} {
  let size = 0;
  for (const set of units) for (const unit of set) size = Math.max(size, unit + 1);
  const starts = new Int32Array(size + 1);
  for (const set of units) for (const unit of set) starts[unit + 1]!++;
  for (let u = 0; u < size; u++) starts[u + 1]! += starts[u]!;
  const articles = new Int32Array(starts[size]!);
  const fill = starts.slice(0, size);
  units.forEach((set, article) => {
    for (const unit of set) articles[fill[unit]!++] = article;
  });
  return { starts, articles };
}
