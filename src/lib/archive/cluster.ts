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

/**
 * Clusters articles given each article's set of paragraph units (sorted unique integers).
 * Returns the cluster root of every article (the smallest article index in its cluster).
 */
export function clusterArticles(
  units: readonly Int32Array[],
  options: ClusterOptions = defaultCluster,
): Int32Array {
  const byUnit = new Map<number, number[]>();
  units.forEach((set, article) => {
    for (const unit of set) {
      const list = byUnit.get(unit);
      if (list) list.push(article);
      else byUnit.set(unit, [article]);
    }
  });
  const sets = unionFind(units.length);
  const shared = new Map<number, number>();
  units.forEach((set, a) => {
    shared.clear();
    for (const unit of set) {
      const list = byUnit.get(unit)!;
      if (list.length > options.maxFanout) continue;
      for (const b of list) if (b > a) shared.set(b, (shared.get(b) ?? 0) + 1);
    }
    for (const [b, count] of shared) {
      const smaller = Math.min(set.length, units[b]!.length);
      if (count >= Math.min(options.minShared, smaller) && count >= options.containment * smaller)
        union(sets, a, b);
    }
  });
  const roots = new Int32Array(units.length);
  for (let i = 0; i < units.length; i++) roots[i] = find(sets, i);
  return roots;
}
