/**
 * Fingerprints for finding duplicates: a seeded MurmurHash3 (reproducible on every machine, so
 * ids never change between builds), word shingles, MinHash signatures in typed arrays, and LSH
 * banding to find near-duplicate candidates without comparing every pair.
 */
import { wordsOf } from "./normalise.ts";

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
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable hex digest of text (two seeded hashes, 64 bits), cut to `digits` hex digits. */
export function hexDigest(text: string, digits = 10): string {
  const hex = hash32(text, 0x9747b28c).toString(16).padStart(8, "0") + hash32(text, 0x5bd1e995).toString(16).padStart(8, "0");
  return hex.slice(0, digits);
}

/** A paragraph id: "p-" and 10 hex digits of its normalised text. */
export function paragraphId(key: string): string {
  return "p-" + hexDigest(key);
}

/** Word shingles (runs of `size` words) of normalised text, hashed, sorted and unique. */
export function shingles(key: string, size = 3): Uint32Array {
  const words = wordsOf(key);
  const hashes = words.map((word) => hash32(word, 0x2f1b3c4d));
  const count = Math.max(1, hashes.length - size + 1);
  const out = new Uint32Array(hashes.length === 0 ? 0 : count);
  for (let i = 0; i < out.length; i++) {
    let h = 0x3c6ef372;
    for (let j = i; j < Math.min(i + size, hashes.length); j++) h = fmix32((h ^ hashes[j]!) + j - i);
    out[i] = h;
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[unique++] = out[i]!;
  return out.subarray(0, unique);
}

/** The size of the overlap of two sorted, unique shingle sets. */
export function overlap(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
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

/** Defaults tuned for edited reprints (Jaccard ≥ 0.5 found with probability ≥ 0.9). */
export const defaultMinHash: MinHashOptions = { bands: 20, rows: 3, seed: 0x5eed };

/** The per-function seeds for a MinHash configuration. */
export function minHashSeeds(options: MinHashOptions): Uint32Array {
  const random = mulberry32(options.seed);
  const seeds = new Uint32Array(options.bands * options.rows);
  for (let i = 0; i < seeds.length; i++) seeds[i] = Math.floor(random() * 4294967296);
  return seeds;
}

/** Writes the MinHash signature of a shingle set into `out` at `offset`. */
export function minHash(set: Uint32Array, seeds: Uint32Array, out: Uint32Array, offset: number): void {
  const k = seeds.length;
  for (let f = 0; f < k; f++) out[offset + f] = 0xffffffff;
  for (let s = 0; s < set.length; s++) {
    const x = set[s]!;
    for (let f = 0; f < k; f++) {
      let h = x ^ seeds[f]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < out[offset + f]!) out[offset + f] = h;
    }
  }
}

/** Largest bucket compared pairwise; bigger buckets only compare neighbours (they are rare). */
const FULL_BUCKET = 12;

/**
 * Candidate pairs from LSH banding: items whose signatures agree on every row of some band.
 * Calls `visit(i, j)` with i < j; a pair may be visited once per shared band.
 */
export function lshCandidates(
  signatures: Uint32Array,
  count: number,
  options: MinHashOptions,
  visit: (i: number, j: number) => void,
): void {
  const k = options.bands * options.rows;
  // key × 2^21 + index fits a double exactly; sorting a Float64Array groups equal keys.
  const scale = 2 ** 21;
  if (count >= scale) throw new RangeError("too many paragraphs for one LSH pass");
  const packed = new Float64Array(count);
  for (let band = 0; band < options.bands; band++) {
    for (let i = 0; i < count; i++) {
      let h = band * 0x9e3779b1;
      const base = i * k + band * options.rows;
      for (let r = 0; r < options.rows; r++) h = fmix32((h ^ signatures[base + r]!) + r);
      packed[i] = h * scale + i;
    }
    packed.sort();
    let start = 0;
    for (let i = 1; i <= count; i++) {
      if (i < count && Math.floor(packed[i]! / scale) === Math.floor(packed[start]! / scale)) continue;
      const size = i - start;
      if (size > 1) {
        for (let a = start; a < i; a++) {
          const last = size <= FULL_BUCKET ? i : Math.min(i, a + 2);
          for (let b = a + 1; b < last; b++) {
            const x = packed[a]! % scale;
            const y = packed[b]! % scale;
            visit(Math.min(x, y), Math.max(x, y));
          }
        }
      }
      start = i;
    }
  }
}
