/**
 * Which paragraphs are the same. Exact duplicates share a normalised text (an exact Map, no
 * probabilistic filter). Near duplicates — an edited or abridged version of one paragraph — are
 * found with MinHash + LSH and confirmed by exact Jaccard and containment of word shingles.
 */
import {
  addFoldedShingles,
  addShingles,
  defaultMinHash,
  lshCandidates,
  minHashRange,
  minHashSeeds,
  digestHex,
  overlapRange,
  sortUnique,
  shinglePool,
  type MinHashOptions,
  type ShinglePool,
} from "./fingerprint.ts";
import { unionFind, union, find, type UnionFind } from "./cluster.ts";
import type { Block } from "./segment.ts";
import type { NearOptions } from "./types.ts";

/** Default near-duplicate thresholds. */
export const defaultNear: NearOptions = { minWords: 8, jaccard: 0.5, containment: 0.8 };

/**
 * Distinct normalised texts in order of first appearance, filled as captures are read. Texts are
 * told apart by a 64-bit digest and their length (two different paragraphs agree on both with
 * odds of about 1 in 10^10 for a million distinct paragraphs), held in an open-addressing table
 * of typed arrays: no long string is hashed or kept. What later steps need from a text — its
 * shingles, its id — is taken while reading.
 */
export interface ExactIndex {
  /** Number of distinct texts. */
  count: number;
  /** High half of the digest of each distinct text. */
  highs: Uint32Array;
  /** Low half of the digest of each distinct text. */
  lows: Uint32Array;
  /** Length of each distinct normalised text. */
  lengths: Uint32Array;
  /** Word count of each distinct text. */
  words: Uint32Array;
  /** Hash table: slot → distinct text index + 1 (0 = empty). */
  slots: Int32Array;
  /**
   * Shingles of the distinct texts long enough for near-duplicate search (`nearDuplicates` sorts
   * runs in place; what values a run holds never changes).
   */
  pool: ShinglePool;
  /** For each set in the pool, the distinct text it belongs to. */
  pooled: number[];
  /** Texts shorter than this (in words) are only matched exactly. */
  minWords: number;
}

/** An empty exact index. */
export function exactIndex(minWords = defaultNear.minWords): ExactIndex {
  const size = 1 << 12;
  return {
    count: 0,
    highs: new Uint32Array(size),
    lows: new Uint32Array(size),
    lengths: new Uint32Array(size),
    words: new Uint32Array(size),
    slots: new Int32Array(size * 2),
    pool: shinglePool(),
    pooled: [],
    minWords,
  };
}

/** Finds the table slot of a digest: its entry, or the empty slot where it belongs. */
function slotOf(exact: ExactIndex, high: number, low: number, length: number): number {
  const mask = exact.slots.length - 1;
  let slot = (high ^ Math.imul(low, 0x9e3779b1)) & mask;
  for (;;) {
    const entry = exact.slots[slot]!;
    if (entry === 0) return slot;
    const u = entry - 1;
    if (exact.highs[u] === high && exact.lows[u] === low && exact.lengths[u] === length)
      return slot;
    slot = (slot + 1) & mask;
  }
}

/** Doubles the arrays and the table. */
function grow(exact: ExactIndex): void {
  const size = exact.highs.length * 2;
  const bigger = (old: Uint32Array): Uint32Array => {
    const next = new Uint32Array(size);
    next.set(old);
    return next;
  };
  exact.highs = bigger(exact.highs);
  exact.lows = bigger(exact.lows);
  exact.lengths = bigger(exact.lengths);
  exact.words = bigger(exact.words);
  exact.slots = new Int32Array(size * 2);
  for (let u = 0; u < exact.count; u++) {
    exact.slots[slotOf(exact, exact.highs[u]!, exact.lows[u]!, exact.lengths[u]!)] = u + 1;
  }
}

/**
 * The index of a distinct text given its digest (see `digest64`) and normalised length, adding
 * it if new (`exact.count` then grows by one; its shingles are the caller's to add).
 */
function indexOf(
  exact: ExactIndex,
  length: number,
  words: number,
  high: number,
  low: number,
): number {
  const slot = slotOf(exact, high, low, length);
  const entry = exact.slots[slot]!;
  if (entry !== 0) return entry - 1;
  if (exact.count === exact.highs.length) {
    grow(exact);
    return indexOf(exact, length, words, high, low);
  }
  const u = exact.count++;
  exact.highs[u] = high;
  exact.lows[u] = low;
  exact.lengths[u] = length;
  exact.words[u] = words;
  exact.slots[slot] = u + 1;
  return u;
}

/**
 * The index of a normalised text given its digest (see `digest64`), adding it — and its
 * shingles — if new.
 */
export function uniqueOf(
  exact: ExactIndex,
  key: string,
  words: number,
  high: number,
  low: number,
): number {
  const count = exact.count;
  const u = indexOf(exact, key.length, words, high, low);
  if (exact.count > count && words >= exact.minWords) {
    addShingles(exact.pool, key);
    exact.pooled.push(u);
  }
  return u;
}

/**
 * `uniqueOf` for a block from `toBlocks`, which may carry its digest without its key; `text` is
 * the capture's text the block's offset points into.
 */
export function uniqueOfBlock(exact: ExactIndex, block: Block, text: string): number {
  const count = exact.count;
  const u = indexOf(exact, block.length, block.words, block.high >>> 0, block.low >>> 0);
  if (exact.count > count && block.words >= exact.minWords) {
    if (block.key !== "") addShingles(exact.pool, block.key);
    else if (block.offset >= 0)
      addFoldedShingles(exact.pool, text, block.offset, block.offset + block.text.length);
    else addFoldedShingles(exact.pool, block.text);
    exact.pooled.push(u);
  }
  return u;
}

/** The paragraph id of a distinct text: "p-" and 10 hex digits of its digest. */
export function paragraphIdOf(exact: ExactIndex, u: number): string {
  return "p-" + digestHex(exact.highs[u]!, exact.lows[u]!, 10);
}

/**
 * Paragraph ids for distinct texts, in the order given (see `paragraphIdOf`), indexed by distinct
 * text (undefined for texts not in `order`); when two texts share their 10 digits (the digest's
 * high half and top byte of the low half), later ones get "-2", "-3"… Collisions are found in a
 * typed hash table, not a set of strings.
 */
export function paragraphIds(exact: ExactIndex, order: readonly number[]): (string | undefined)[] {
  let size = 1;
  while (size < order.length * 2) size *= 2;
  const mask = size - 1;
  // slot → first text with those digits + 1 (0 = empty); counts per slot.
  const firsts = new Int32Array(size);
  const counts = new Int32Array(size);
  const ids = new Array<string | undefined>(exact.count);
  for (const u of order) {
    const high = exact.highs[u]!;
    const top = exact.lows[u]! >>> 24;
    let slot = (high ^ Math.imul(top, 0x9e3779b1)) & mask;
    for (;;) {
      const first = firsts[slot]! - 1;
      if (first < 0 || (exact.highs[first] === high && exact.lows[first]! >>> 24 === top)) break;
      slot = (slot + 1) & mask;
    }
    if (firsts[slot] === 0) firsts[slot] = u + 1;
    const count = ++counts[slot]!;
    const id = paragraphIdOf(exact, u);
    ids[u] = count === 1 ? id : `${id}-${count}`;
  }
  return ids;
}

/** A confirmed near-duplicate pair of distinct texts. */
interface NearPair {
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

/** Finds near-duplicate texts among the distinct texts of an exact index. */
export function nearDuplicates(
  exact: ExactIndex,
  near: NearOptions = defaultNear,
  options: MinHashOptions = defaultMinHash,
): NearGroups {
  const sets = unionFind(exact.count);
  const eligible = exact.pooled;
  const { data, starts } = exact.pool;
  const k = options.bands * options.rows;
  const seeds = minHashSeeds(options);
  const signatures = new Uint32Array(eligible.length * k);
  for (let i = 0; i < eligible.length; i++) {
    minHashRange(data, starts[i]!, starts[i + 1]!, seeds, signatures, i * k);
  }
  const pairs: NearPair[] = [];
  let candidates = 0;
  // Only candidates need exact sets: their shingles are sorted and deduplicated in place, on
  // demand (signatures are made; the pool's order is no longer needed). -1: not sorted yet.
  const setEnds = new Int32Array(eligible.length).fill(-1);
  const setEnd = (i: number): number => {
    if (setEnds[i]! < 0) setEnds[i] = sortUnique(data, starts[i]!, starts[i + 1]!);
    return setEnds[i]!;
  };
  lshCandidates(signatures, eligible.length, options, (i, j) => {
    // Pairs already joined (through this or another band) need no second check.
    if (find(sets, eligible[i]!) === find(sets, eligible[j]!)) return;
    candidates++;
    const a0 = starts[i]!;
    const a1 = setEnd(i);
    const b0 = starts[j]!;
    const b1 = setEnd(j);
    const common = overlapRange(data, a0, a1, data, b0, b1);
    const sizeA = a1 - a0;
    const sizeB = b1 - b0;
    const smaller = Math.min(sizeA, sizeB);
    const similarity = common / (sizeA + sizeB - common);
    const contained = smaller === 0 ? 0 : common / smaller;
    const abridged = contained >= near.containment && smaller >= near.minWords;
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
