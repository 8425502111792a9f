/**
 * Fingerprints for finding duplicates: a seeded MurmurHash3 (reproducible on every machine, so
 * ids never change between builds), word shingles, MinHash signatures in typed arrays, and LSH
 * banding to find near-duplicate candidates without comparing every pair.
 */

import { FOLD, UNFOLDED, isSpaceless } from "./normalise.ts";

/** MurmurHash3 (x86, 32-bit) over the UTF-16 code units of a string, with a seed. */
export function hash32(text: string, seed = 0): number {
  let h = seed >>> 0;
  const n = text.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    let k = (text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16)) >>> 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < n) {
    let k = text.charCodeAt(i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n * 2;
  return fmix32(h);
}

/** MurmurHash3's finaliser: mixes all bits of a 32-bit integer. */
function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The last result of `digest64` or `digestFolded`: [high 32 bits, low 32 bits, spaces, length]. The
 * loop reads every character anyway, so it also counts spaces (the words of normalised text, less
 * one).
 */
export const digest = new Uint32Array(4);

/**
 * A 64-bit digest of text, written to `digest`: two lanes over pairs of UTF-16 code units, each a
 * multiply–rotate step, then MurmurHash3's finaliser. Fast enough to run on every paragraph,
 * stable across machines.
 */
export function digest64(text: string): void {
  let a = 0x9747b28c;
  let b = 0x5bd1e995;
  let spaces = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 2) {
    const first = text.charCodeAt(i);
    const second = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (first === 32) spaces++;
    if (second === 32) spaces++;
    const block = first | (second << 16);
    a = Math.imul(a ^ block, 0xcc9e2d51);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ block, 0x1b873593);
    b = (b << 17) | (b >>> 15);
  }
  digest[0] = fmix32(a ^ n);
  digest[1] = fmix32(b ^ Math.imul(n, 0x85ebca6b));
  digest[2] = spaces;
  digest[3] = n;
}

/** Hex digits (up to 16) of a 64-bit digest. */
export function digestHex(high: number, low: number, digits = 10): string {
  const hex =
    hexByte(high >>> 24) +
    hexByte(high >>> 16) +
    hexByte(high >>> 8) +
    hexByte(high) +
    hexByte(low >>> 24);
  if (digits <= 10) return hex.slice(0, digits);
  return (
    hex +
    (low & 0xffffff)
      .toString(16)
      .padStart(6, "0")
      .slice(0, digits - 10)
  );
}

/** A stable hex digest of text (see `digest64`), cut to `digits` hex digits. */
export function hexDigest(text: string, digits = 10): string {
  digest64(text);
  return digestHex(digest[0]!, digest[1]!, digits);
}

const HEX_BYTES = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** Two hex digits for the low byte of a number. */
function hexByte(value: number): string {
  return HEX_BYTES[value & 0xff]!;
}

/** A paragraph id: "p-" and 10 hex digits of its normalised text. */
export function paragraphId(key: string): string {
  return "p-" + hexDigest(key);
}

/** True for a UTF-16 code unit that belongs to a word (letters and digits, after normalising). */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 &&
      (c < 0x2000 || c > 0x206f) &&
      (c < 0x3000 || c > 0x303f) &&
      c !== 0xd7 &&
      c !== 0xf7)
  );
}

/** `FOLD`, with 0 for every code unit that does not fold to a word character (see `isWordChar`). */
const FOLDED_WORD_CHAR = FOLD.map((c) => (c !== UNFOLDED && isWordChar(c) ? c : 0));

/** Many shingle sets stored end to end in one typed array (set i is data[starts[i]…starts[i+1])). */
export interface ShinglePool {
  /** Shingle hashes; each set sorted and unique. */
  data: Uint32Array;
  /** Start offset of each set, plus the end of the last one. */
  starts: number[];
}

/** An empty pool. */
export function shinglePool(): ShinglePool {
  return { data: new Uint32Array(1 << 16), starts: [0] };
}

/** Grows the pool so that `extra` more hashes fit. */
function reserve(pool: ShinglePool, extra: number): void {
  const end = pool.starts[pool.starts.length - 1]!;
  if (end + extra <= pool.data.length) return;
  let size = pool.data.length * 2;
  while (size < end + extra) size *= 2;
  const bigger = new Uint32Array(size);
  bigger.set(pool.data.subarray(0, end));
  pool.data = bigger;
}

/**
 * Appends the word shingles (runs of `size` words) of normalised text to the pool, hashed, in text
 * order (not sorted or deduplicated: MinHash does not need it; see `sortedSet`). Words are hashed
 * in one pass over the characters (seeded FNV-1a, then MurmurHash3's finaliser) without building
 * substrings: this is the hot loop of near-duplicate detection.
 */
export function addShingles(pool: ShinglePool, key: string, size = 3): void {
  // A word takes at least two characters with its space, or one character written without spaces,
  // so this many hashes always fit.
  reserve(pool, key.length + 2);
  const start = pool.starts[pool.starts.length - 1]!;
  const data = pool.data;
  let count = 0;
  let h = WORD_SEED;
  let inWord = false;
  const n = key.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? key.charCodeAt(i) : 32;
    if (c >= 0x3040 && isSpaceless(c)) {
      if (inWord) data[start + count++] = fmix32(h);
      data[start + count++] = fmix32(Math.imul(WORD_SEED ^ c, 0x01000193));
      h = WORD_SEED;
      inWord = false;
    } else if (isWordChar(c)) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      data[start + count++] = fmix32(h);
      h = WORD_SEED;
      inWord = false;
    }
  }
  shingleWords(pool, count, size);
}

/**
 * Appends the word shingles of `normalise(text.slice(start, end))` to the pool (see
 * `addShingles`), reading the normalised form through `FOLD`; the range must pass `digestFolded`.
 */
export function addFoldedShingles(
  pool: ShinglePool,
  text: string,
  start = 0,
  end = text.length,
  size = 3,
): void {
  // A word takes at least two characters with its space, or one character written without spaces,
  // so this many hashes always fit.
  reserve(pool, end - start + 2);
  const at = pool.starts[pool.starts.length - 1]!;
  shingleWords(pool, foldedWords(text, start, end, pool.data, at), size);
}

/** FNV-1a offset basis, seeded, for word hashes. */
const WORD_SEED = 0x811c9dc5 ^ 0x2f1b3c4d;

/**
 * Turns the `count` word hashes written after the pool's last set into that set's shingle hashes,
 * in place (shingle i reads words i…i+size-1), and closes the set.
 */
function shingleWords(pool: ShinglePool, count: number, size: number): void {
  const data = pool.data;
  const start = pool.starts[pool.starts.length - 1]!;
  const total = count === 0 ? 0 : Math.max(1, count - size + 1);
  if (size === 3 && count >= 3) {
    for (let i = 0; i < total; i++) {
      const w1 = data[start + i + 1]!;
      const w2 = data[start + i + 2]!;
      data[start + i] = fmix32(
        data[start + i]! ^ ((w1 << 11) | (w1 >>> 21)) ^ ((w2 << 22) | (w2 >>> 10)) ^ 3,
      );
    }
  } else {
    for (let i = 0; i < total; i++) {
      let x = 0;
      for (let j = 0; j < size && i + j < count; j++) {
        const w = data[start + i + j]!;
        x ^= (w << (j * 11)) | (w >>> (32 - j * 11));
      }
      data[start + i] = fmix32(x ^ size);
    }
  }
  pool.starts.push(start + total);
}

/** One step of `digest64`'s two lanes over a pair of code units (written out where it runs). */
const LANE_A = 0xcc9e2d51;
const LANE_B = 0x1b873593;

/**
 * Digests text[start…end) as its normalised form (`normalise`) without building it: each code unit
 * goes through `FOLD`, whitespace runs become one space, the ends are trimmed. Writes what
 * `digest64(normalise(…))` would to `digest`, plus the normalised length (digest[3]). Returns
 * false (with nothing written) when a character needs full normalisation (see `UNFOLDED`).
 * Reading a range of a whole capture's text is about twice as fast as reading a line cut from it.
 */
export function digestFolded(text: string, start = 0, end = text.length): boolean {
  let a = 0x9747b28c;
  let b = 0x5bd1e995;
  let spaces = 0;
  let n = 0;
  let first = 0;
  let pending = false;
  for (let i = start; i < end; i++) {
    let c = FOLD[text.charCodeAt(i)]!;
    if (c === 32) {
      pending = n > 0;
      continue;
    }
    if (c === UNFOLDED) return false;
    if (pending) {
      // The one space between two words: a character of its own.
      pending = false;
      spaces++;
      if ((n & 1) === 1) {
        const block = first | (32 << 16);
        a = Math.imul(a ^ block, LANE_A);
        a = (a << 13) | (a >>> 19);
        b = Math.imul(b ^ block, LANE_B);
        b = (b << 17) | (b >>> 15);
      } else first = 32;
      n++;
    }
    // Characters pair up as in `digest64`.
    if ((n & 1) === 1) {
      c = first | (c << 16);
      a = Math.imul(a ^ c, LANE_A);
      a = (a << 13) | (a >>> 19);
      b = Math.imul(b ^ c, LANE_B);
      b = (b << 17) | (b >>> 15);
    } else first = c;
    n++;
  }
  if ((n & 1) === 1) {
    a = Math.imul(a ^ first, LANE_A);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ first, LANE_B);
    b = (b << 17) | (b >>> 15);
  }
  digest[0] = fmix32(a ^ n);
  digest[1] = fmix32(b ^ Math.imul(n, 0x85ebca6b));
  digest[2] = spaces;
  digest[3] = n;
  return true;
}

/**
 * Writes the hash of each word of the normalised form of text[start…end) (as `addShingles`
 * hashes them) at words[at…] and returns how many; the text must pass `digestFolded`.
 */
function foldedWords(
  text: string,
  start: number,
  end: number,
  words: Uint32Array,
  at: number,
): number {
  let count = 0;
  let h = WORD_SEED;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = FOLDED_WORD_CHAR[text.charCodeAt(i)]!;
    if (c >= 0x3040 && isSpaceless(c)) {
      if (inWord) words[at + count++] = fmix32(h);
      words[at + count++] = fmix32(Math.imul(WORD_SEED ^ c, 0x01000193));
      h = WORD_SEED;
      inWord = false;
    } else if (c !== 0) {
      h = Math.imul(h ^ c, 0x01000193);
      inWord = true;
    } else if (inWord) {
      words[at + count++] = fmix32(h);
      h = WORD_SEED;
      inWord = false;
    }
  }
  if (inWord) words[at + count++] = fmix32(h);
  return count;
}

/** Word shingles of normalised text as one sorted, unique set (see `addShingles`). */
export function shingles(key: string, size = 3): Uint32Array {
  const pool = { data: new Uint32Array(key.length + 2), starts: [0] };
  addShingles(pool, key, size);
  return sortedSet(pool.data, 0, pool.starts[1]!);
}

/** A sorted, unique copy of data[start…end). */
function sortedSet(data: Uint32Array, start: number, end: number): Uint32Array {
  const set = data.slice(start, end);
  return set.subarray(0, sortUnique(set, 0, set.length));
}

/**
 * Sorts data[start…end) in place and gathers its distinct values at the front of the run;
 * returns where they end (the sorted, unique set is data[start…returned)).
 */
export function sortUnique(data: Uint32Array, start: number, end: number): number {
  data.subarray(start, end).sort();
  let unique = start;
  for (let i = start; i < end; i++)
    if (i === start || data[i] !== data[i - 1]) data[unique++] = data[i]!;
  return unique;
}

/** The size of the overlap of two sorted, unique runs of one or two arrays. */
export function overlapRange(
  a: Uint32Array,
  a0: number,
  a1: number,
  b: Uint32Array,
  b0: number,
  b1: number,
): number {
  let i = a0;
  let j = b0;
  let common = 0;
  while (i < a1 && j < b1) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/** The size of the overlap of two sorted, unique shingle sets. */
function overlap(a: Uint32Array, b: Uint32Array): number {
  return overlapRange(a, 0, a.length, b, 0, b.length);
}

/** Exact Jaccard similarity of two shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const common = overlap(a, b);
  const union = a.length + b.length - common;
  return union === 0 ? 1 : common / union;
}

/** Containment of the smaller shingle set in the larger (1 = one is inside the other). */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : overlap(a, b) / smaller;
}

/** A small seeded PRNG (mulberry32), so seeds and corpora are reproducible. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** MinHash settings: `bands × rows` hash functions, seeded. */
export interface MinHashOptions {
  /** LSH bands. */
  bands: number;
  /** Rows (hash functions) per band. */
  rows: number;
  /** Seed for the hash functions. */
  seed: number;
}

/** Defaults tuned for edited reprints: pairs with Jaccard 0.5 become candidates with probability 0.97. */
export const defaultMinHash: MinHashOptions = { bands: 12, rows: 2, seed: 0x5eed };

/** The per-function seeds for a MinHash configuration. */
export function minHashSeeds(options: MinHashOptions): Uint32Array {
  const random = mulberry32(options.seed);
  const seeds = new Uint32Array(options.bands * options.rows);
  for (let i = 0; i < seeds.length; i++) seeds[i] = Math.floor(random() * 4294967296);
  return seeds;
}

const EMPTY = 0xffffffff;

/**
 * Writes the MinHash signature of a shingle set into `out` at `offset`. This is one-permutation
 * MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava & Li 2014): each
 * shingle is hashed once and kept as the minimum of one of `k` bins, so the cost is one hash per
 * shingle instead of k; empty bins borrow from the next full bin. Two sets agree on a bin with
 * probability ≈ their Jaccard similarity, as with k independent permutations.
 */
export function minHash(
  set: Uint32Array,
  seeds: Uint32Array,
  out: Uint32Array,
  offset: number,
): void {
  minHashRange(set, 0, set.length, seeds, out, offset);
}

let fullBins = new Uint8Array(64);

/** `minHash` over the run set[start…end) of a pooled array. */
export function minHashRange(
  set: Uint32Array,
  start: number,
  end: number,
  seeds: Uint32Array,
  out: Uint32Array,
  offset: number,
): void {
  const k = seeds.length;
  const seed = seeds[0] ?? 0;
  out.fill(EMPTY, offset, offset + k);
  for (let s = start; s < end; s++) {
    const h = fmix32(set[s]! ^ seed);
    const bin = offset + Math.floor((h / 4294967296) * k);
    if (h < out[bin]!) out[bin] = h;
  }
  if (end <= start) return;
  if (fullBins.length < k) fullBins = new Uint8Array(k);
  const full = fullBins;
  for (let b = 0; b < k; b++) full[b] = out[offset + b] === EMPTY ? 0 : 1;
  for (let b = 0; b < k; b++) {
    if (full[b] === 1) continue;
    let distance = 1;
    let donor = (b + 1) % k;
    while (full[donor] === 0) {
      donor = (donor + 1) % k;
      distance++;
    }
    out[offset + b] = (out[offset + donor]! + Math.imul(distance, seeds[b]! | 1)) >>> 0;
  }
}

/** Each item is compared with at most this many earlier items of its bucket (buckets are tiny). */
const BUCKET_LIMIT = 12;

/**
 * Candidate pairs from LSH banding: items whose signatures agree on every row of some band.
 * Calls `visit(i, j)` with i < j; a pair may be visited once per shared band. Buckets live in an
 * open-addressing table of typed arrays, so each band is one linear pass.
 */
export function lshCandidates(
  signatures: Uint32Array,
  count: number,
  options: MinHashOptions,
  visit: (i: number, j: number) => void,
): void {
  const k = options.bands * options.rows;
  let size = 1;
  while (size < count * 2) size *= 2;
  const mask = size - 1;
  const slotKeys = new Uint32Array(size);
  const heads = new Int32Array(size);
  const next = new Int32Array(count);
  // Every item's bucket key in every band, in one pass over the signatures (reading them band by
  // band would stride through all of them once per band).
  const keys = new Uint32Array(options.bands * count);
  for (let i = 0; i < count; i++) {
    for (let band = 0; band < options.bands; band++) {
      let h = Math.imul(band + 1, 0x9e3779b1);
      const base = i * k + band * options.rows;
      for (let r = 0; r < options.rows; r++) h = fmix32((h ^ signatures[base + r]!) + r);
      keys[band * count + i] = h;
    }
  }
  for (let band = 0; band < options.bands; band++) {
    heads.fill(-1);
    for (let i = 0; i < count; i++) {
      const h = keys[band * count + i]!;
      let slot = h & mask;
      while (heads[slot] !== -1 && slotKeys[slot] !== h) slot = (slot + 1) & mask;
      let j = heads[slot]!;
      for (let seen = 0; j !== -1 && seen < BUCKET_LIMIT; seen++) {
        visit(j, i);
        j = next[j]!;
      }
      next[i] = heads[slot]!;
      heads[slot] = i;
      slotKeys[slot] = h;
    }
  }
}
