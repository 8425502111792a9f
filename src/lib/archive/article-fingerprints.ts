/**
 * What clustering compares of each article (see `ArticleSketch`, `ArticleText`): the word
 * shingles of its content paragraphs, each tagged with its paragraph, and its paragraph units.
 * Built from the pieces and the exact index's shingle pool, so no text is read again.
 */
import { isSampled, type ArticleSketch, type ArticleText } from "./cluster.ts";
import type { ArticleModel, Piece } from "./documents.ts";
import { nearGroupOf, type ExactIndex, type NearGroups } from "./duplicates.ts";

/** The pool set of each distinct text (-1 for a text too short to have one). */
export function pooledSets(exact: ExactIndex): Int32Array {
  const sets = new Int32Array(exact.count).fill(-1);
  exact.pooled.forEach((u, i) => (sets[u] = i));
  return sets;
}

/** Scratch for an article's sampled shingles. */
let scratch: Uint32Array = new Uint32Array(1024);

/**
 * The sketch of one article from its content pieces (those with a distinct text, `unique ≥ 0`):
 * its sampled shingles, its units — near-duplicate groups of its long paragraphs, or, for an
 * article of short lines only, the lines themselves — and its size in shingles.
 */
export function articleSketch(
  model: ArticleModel,
  pieces: readonly Piece[],
  exact: ExactIndex,
  groups: NearGroups,
  sets: Int32Array,
): ArticleSketch {
  const { data, starts } = exact.pool;
  const chosen: number[] = [];
  const short: number[] = [];
  let size = 0;
  let sampled = 0;
  for (const p of model.pieces) {
    const piece = pieces[p]!;
    if (piece.unique < 0) continue;
    if (piece.words >= exact.minWords) chosen.push(nearGroupOf(groups, piece.unique));
    else short.push(piece.unique);
    const set = sets[piece.unique]!;
    if (set < 0) continue;
    const from = starts[set]!;
    const to = starts[set + 1]!;
    size += to - from;
    if (scratch.length < sampled + to - from) scratch = growTo(scratch, sampled + to - from);
    for (let k = from; k < to; k++) if (isSampled(data[k]!)) scratch[sampled++] = data[k]!;
  }
  const samples = scratch.slice(0, sampled).sort();
  return {
    samples: samples.subarray(0, uniqueRun(samples)),
    units: uniqueSorted(Int32Array.from(chosen.length > 0 ? chosen : short)),
    size,
  };
}

/** A bigger copy of a scratch array. */
function growTo(array: Uint32Array, size: number): Uint32Array {
  const bigger = new Uint32Array(Math.max(size, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Sorts in place and returns the unique prefix. */
function uniqueSorted(units: Int32Array): Int32Array {
  units.sort();
  let unique = 0;
  for (let i = 0; i < units.length; i++)
    if (i === 0 || units[i] !== units[i - 1]) units[unique++] = units[i]!;
  return units.subarray(0, unique);
}

/** Gathers the distinct values of a sorted array at its front; returns how many. */
function uniqueRun(sorted: Uint32Array): number {
  let unique = 0;
  for (let i = 0; i < sorted.length; i++)
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
  return unique;
}

/** The text of one article as grouping compares it: its shingles, each with its paragraph. */
export function articleText(
  model: ArticleModel,
  pieces: readonly Piece[],
  exact: ExactIndex,
  sets: Int32Array,
): ArticleText {
  const { data, starts } = exact.pool;
  let total = 0;
  let paragraphCount = 0;
  for (const p of model.pieces) {
    const piece = pieces[p]!;
    if (piece.unique < 0) continue;
    paragraphCount++;
    const set = sets[piece.unique]!;
    if (set >= 0) total += starts[set + 1]! - starts[set]!;
  }
  const shingles = new Uint32Array(total);
  const paragraphs = new Uint32Array(total);
  const sizes = new Int32Array(paragraphCount);
  let n = 0;
  let paragraph = 0;
  for (const p of model.pieces) {
    const piece = pieces[p]!;
    if (piece.unique < 0) continue;
    const set = sets[piece.unique]!;
    if (set >= 0) {
      const from = starts[set]!;
      const to = starts[set + 1]!;
      shingles.set(data.subarray(from, to), n);
      paragraphs.fill(paragraph, n, n + to - from);
      sizes[paragraph] = to - from;
      n += to - from;
    }
    paragraph++;
  }
  return { shingles, paragraphs, sizes };
}
