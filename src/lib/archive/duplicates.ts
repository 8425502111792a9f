/**
 * Which paragraphs are the same. Exact duplicates share a normalised text (an exact Map, no
 * probabilistic filter). Near duplicates — an edited or abridged version of one paragraph — are
 * found with MinHash + LSH and confirmed by exact Jaccard and containment of word shingles.
 */
import { containment, defaultMinHash, jaccard, lshCandidates, minHash, minHashSeeds, shingles, type MinHashOptions } from "./fingerprint.ts";
import { unionFind, union, find, type UnionFind } from "./cluster.ts";
import { wordCount } from "./normalise.ts";
import type { NearOptions } from "./types.ts";

/** Default near-duplicate thresholds. */
export const defaultNear: NearOptions = { minWords: 8, jaccard: 0.5, containment: 0.8 };

/** Distinct normalised texts and, for each input key, the index of its distinct text. */
export interface ExactUniques {
  /** Distinct keys in order of first appearance. */
  keys: string[];
  /** For each input key, its index in `keys`. */
  uniqueOf: Int32Array;
}

/** Groups identical normalised texts. */
export function exactUniques(keys: readonly string[]): ExactUniques {
  const index = new Map<string, number>();
  const distinct: string[] = [];
  const uniqueOf = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    let u = index.get(key);
    if (u === undefined) {
      u = distinct.length;
      index.set(key, u);
      distinct.push(key);
    }
    uniqueOf[i] = u;
  });
  return { keys: distinct, uniqueOf };
}

/** A confirmed near-duplicate pair of distinct texts. */
export interface NearPair {
  /** Index of the first text. */
  a: number;
  /** Index of the second text. */
  b: number;
  /** Exact Jaccard similarity of their shingles. */
  jaccard: number;
  /** Containment of the smaller in the larger. */
  containment: number;
}

/** Near-duplicate groups over distinct texts, and the confirmed pairs behind them. */
export interface NearGroups {
  /** Union–find over distinct text indices. */
  sets: UnionFind;
  /** Confirmed pairs, in discovery order. */
  pairs: NearPair[];
  /** Candidate pairs checked. */
  candidates: number;
}

/** Finds near-duplicate texts among distinct normalised texts (word counts may be supplied). */
export function nearDuplicates(
  keys: readonly string[],
  near: NearOptions = defaultNear,
  options: MinHashOptions = defaultMinHash,
  words: ArrayLike<number> = keys.map(wordCount),
): NearGroups {
  const sets = unionFind(keys.length);
  const eligible: number[] = [];
  const shingleSets: Uint32Array[] = [];
  keys.forEach((key, u) => {
    if (words[u]! < near.minWords) return;
    eligible.push(u);
    shingleSets.push(shingles(key));
  });
  const k = options.bands * options.rows;
  const seeds = minHashSeeds(options);
  const signatures = new Uint32Array(eligible.length * k);
  shingleSets.forEach((set, i) => minHash(set, seeds, signatures, i * k));
  const pairs: NearPair[] = [];
  let candidates = 0;
  lshCandidates(signatures, eligible.length, options, (i, j) => {
    // Pairs already joined (through this or another band) need no second check.
    if (find(sets, eligible[i]!) === find(sets, eligible[j]!)) return;
    candidates++;
    const a = shingleSets[i]!;
    const b = shingleSets[j]!;
    const similarity = jaccard(a, b);
    const contained = containment(a, b);
    const abridged = contained >= near.containment && Math.min(a.length, b.length) >= near.minWords;
    if (similarity >= near.jaccard || abridged) {
      pairs.push({ a: eligible[i]!, b: eligible[j]!, jaccard: similarity, containment: contained });
      union(sets, eligible[i]!, eligible[j]!);
    }
  });
  return { sets, pairs, candidates };
}

/** The near-duplicate group (smallest member index) of a distinct text. */
export function nearGroupOf(groups: NearGroups, unique: number): number {
  return find(groups.sets, unique);
}
