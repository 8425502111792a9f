import { describe, expect, it } from "vitest";
import { mulberry32 } from "../../../src/lib/archive/fingerprint.ts";
import { paragraphOrder } from "../../../src/lib/archive/paragraph-order.ts";

/** One copy's alignment: paragraphs it shares with the document (reach) or has alone (insert). */
type Step = { reach: number } | { insert: number };

/** The order as document building had it: an index search and a splice per paragraph. */
function byIndexOf(initial: readonly number[], copies: readonly Step[][]): number[] {
  const order = [...initial];
  for (const steps of copies) {
    let position = 0;
    for (const step of steps) {
      if ("insert" in step) order.splice(position, 0, step.insert);
      const paragraph = "insert" in step ? step.insert : step.reach;
      position = Math.max(position, order.indexOf(paragraph) + 1);
    }
  }
  return order;
}

/** The same through `paragraphOrder`. */
function byKeys(initial: readonly number[], copies: readonly Step[][]): number[] {
  const order = paragraphOrder(initial);
  for (const steps of copies) {
    order.startCopy();
    for (const step of steps) {
      if ("insert" in step) order.insert(step.insert);
      else order.reach(step.reach);
    }
    order.endCopy();
  }
  return [...order.list];
}

/** Random copies of a document of `size` paragraphs: shared ones in any order, some of their own. */
function randomCopies(size: number, copies: number, seed: number): Step[][] {
  const random = mulberry32(seed);
  const known = Array.from({ length: size }, (_, i) => i);
  let next = size;
  return Array.from({ length: copies }, () => {
    const steps: Step[] = [];
    for (let n = Math.floor(random() * 2 * size); n > 0; n--) {
      if (random() < 0.3) {
        steps.push({ insert: next });
        known.push(next++);
      } else steps.push({ reach: known[Math.floor(random() * known.length)]! });
    }
    return steps;
  });
}

describe("the paragraph order of a document", () => {
  it("places each copy's own paragraphs as an index search and a splice would", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const size = 1 + (seed % 12);
      const initial = Array.from({ length: size }, (_, i) => i);
      const copies = randomCopies(size, 1 + (seed % 4), seed);
      expect(byKeys(initial, copies), `seed ${seed}`).toEqual(byIndexOf(initial, copies));
    }
  });

  it("aligns a copy of 200,000 paragraphs, half of them its own, at once", () => {
    const initial = Array.from({ length: 200_000 }, (_, i) => i);
    const steps: Step[] = initial.flatMap((i) => [{ reach: i }, { insert: 200_000 + i }]);
    const order = byKeys(initial, [steps, steps.filter((step) => "reach" in step)]);
    expect(order).toHaveLength(400_000);
    expect(order.slice(0, 4)).toEqual([0, 200_000, 1, 200_001]);
    expect(order.slice(-2)).toEqual([199_999, 399_999]);
  });
});
