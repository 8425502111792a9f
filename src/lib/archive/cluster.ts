/**
 * Grouping: union–find over integers, and clustering of articles into documents. Two articles are
 * copies of one document when most paragraphs of the shorter one are found in the longer one
 * (containment, so an abridged reprint still joins its original); quoting one or two paragraphs
 * of another article is not enough.
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
  /** Share of the shorter article's paragraphs that must appear in the other. */
  containment: number;
  /** Paragraphs that must be shared (fewer only if the shorter article is that short). */
  minShared: number;
  /** Paragraphs found in more articles than this are too common to link articles. */
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

/** True unless joining the sets of i and j would put a pair the researchers keep apart together. */
function mayJoin(sets: UnionFind, i: number, j: number, apart: DecidedPairs["apart"]): boolean {
  const a = find(sets, i);
  const b = find(sets, j);
  for (const [x, y] of apart) {
    const rx = find(sets, x);
    const ry = find(sets, y);
    if ((rx === a && ry === b) || (rx === b && ry === a)) return false;
  }
  return true;
}

/**
 * Clusters articles given each article's set of paragraph units (sorted unique integers), and
 * the pairs the researchers decided. Returns the cluster root of every article (the smallest
 * article index in its cluster).
 */
export function clusterArticles(
  units: readonly Int32Array[],
  options: ClusterOptions = defaultCluster,
  decided: DecidedPairs = { same: [], apart: [] },
): Int32Array {
  const { starts, articles } = articlesByUnit(units);
  const sets = unionFind(units.length);
  for (const [a, b] of decided.same) union(sets, a, b);
  // Paragraphs shared with each later article, counted in a typed array; `touched` lists the
  // articles counted, to read and reset their counts.
  const shared = new Int32Array(units.length);
  const touched: number[] = [];
  units.forEach((set, a) => {
    for (const unit of set) {
      const first = starts[unit]!;
      const end = starts[unit + 1]!;
      if (end - first > options.maxFanout) continue;
      for (let k = first; k < end; k++) {
        const b = articles[k]!;
        if (b > a && shared[b]!++ === 0) touched.push(b);
      }
    }
    for (const b of touched) {
      const count = shared[b]!;
      shared[b] = 0;
      const smaller = Math.min(set.length, units[b]!.length);
      if (
        count >= Math.min(options.minShared, smaller) &&
        count >= options.containment * smaller &&
        (decided.apart.length === 0 || mayJoin(sets, a, b, decided.apart))
      )
        union(sets, a, b);
    }
    touched.length = 0;
  });
  const roots = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) roots[i] = find(sets, i);
  return roots;
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
