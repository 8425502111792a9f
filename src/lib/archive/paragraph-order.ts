/**
 * A document's paragraph order as its copies are aligned to it (see `buildDocuments`). Each copy
 * is read in its own order with a cursor that only moves forward, to the furthest paragraph of the
 * document it has matched; a paragraph only that copy has goes right after the cursor. Positions
 * are compared by keys — the index a paragraph had when the copy's pass began, then its rank among
 * the paragraphs inserted after that one — and the order is rebuilt once per copy, so a copy costs
 * time linear in the document (an `indexOf` and a `splice` per paragraph cost its square).
 */

/** The order and its cursor (see the module comment). */
export interface ParagraphOrder {
  /** The paragraphs in order; up to date between copies (after `endCopy`). */
  readonly list: readonly number[];
  /** Starts a copy's pass: the cursor goes before the first paragraph. */
  startCopy(): void;
  /** Moves the cursor to a paragraph of the order, if it comes after the cursor. */
  reach(paragraph: number): void;
  /** Inserts a paragraph not in the order after the cursor, and moves the cursor to it. */
  insert(paragraph: number): void;
  /** Ends the copy's pass, placing the paragraphs it inserted. */
  endCopy(): void;
}

/** An order starting with `initial` (distinct paragraphs). */
export function paragraphOrder(initial: readonly number[]): ParagraphOrder {
  let list = [...initial];
  // Each paragraph's key: index at the start of the pass (-1: before the first), rank after it.
  const base = new Map<number, number>(list.map((paragraph, i) => [paragraph, i]));
  const rank = new Map<number, number>();
  // Paragraphs inserted during the pass, after each index, in rank order.
  let inserted = new Map<number, number[]>();
  let cursorBase = -1;
  let cursorRank = 0;
  return {
    get list() {
      return list;
    },
    startCopy() {
      cursorBase = -1;
      cursorRank = 0;
    },
    reach(paragraph) {
      const b = base.get(paragraph)!;
      const r = rank.get(paragraph) ?? 0;
      if (b > cursorBase || (b === cursorBase && r > cursorRank)) {
        cursorBase = b;
        cursorRank = r;
      }
    },
    insert(paragraph) {
      // The cursor only moves forward, so nothing was inserted after it yet in this pass.
      cursorRank++;
      base.set(paragraph, cursorBase);
      rank.set(paragraph, cursorRank);
      const after = inserted.get(cursorBase);
      if (after) after.push(paragraph);
      else inserted.set(cursorBase, [paragraph]);
    },
    endCopy() {
      if (inserted.size === 0) return;
      const next: number[] = [...(inserted.get(-1) ?? [])];
      for (let i = 0; i < list.length; i++) {
        next.push(list[i]!);
        for (const paragraph of inserted.get(i) ?? []) next.push(paragraph);
      }
      list = next;
      rank.clear();
      list.forEach((paragraph, i) => base.set(paragraph, i));
      inserted = new Map();
    },
  };
}
