import { describe, expect, it } from "vitest";
import {
  exactIndex,
  nearDuplicates,
  nearGroupOf,
  paragraphIdOf,
  paragraphIds,
  uniqueOf,
} from "../../../src/lib/archive/duplicates.ts";
import { digest, digest64, paragraphId } from "../../../src/lib/archive/fingerprint.ts";
import { normalise } from "../../../src/lib/archive/normalise.ts";

/** Adds a text to the index the way the engine does. */
function add(index: ReturnType<typeof exactIndex>, text: string): number {
  const key = normalise(text);
  digest64(key);
  return uniqueOf(index, key, key.split(" ").length, digest[0]!, digest[1]!);
}

describe("exact duplicates", () => {
  it("gives one index per distinct normalised text, across table growth", () => {
    const index = exactIndex();
    const first = Array.from({ length: 10_000 }, (_, i) =>
      add(index, `Paragraph number ${i} of the capture.`),
    );
    expect(first).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    const again = Array.from({ length: 10_000 }, (_, i) =>
      add(index, `PARAGRAPH  number ${i} of the capture.`),
    );
    expect(again).toEqual(first);
    expect(index.count).toBe(10_000);
    expect(add(index, "Killed 5")).not.toBe(add(index, "Killed 7"));
  });

  it("suffixes the ids of distinct texts whose 10 digits collide, in order", () => {
    const index = exactIndex();
    const a = add(index, "First paragraph");
    const b = add(index, "Second paragraph");
    const c = add(index, "Third paragraph");
    // Force a collision: same high half and top byte of the low half, different low half.
    index.highs[b] = index.highs[a]!;
    index.lows[b] = (index.lows[a]! & 0xff000000) | ((index.lows[a]! + 1) & 0xffffff);
    const ids = paragraphIds(index, [a, b, c]);
    expect(ids[a]).toBe(paragraphIdOf(index, a));
    expect(ids[b]).toBe(`${paragraphIdOf(index, a)}-2`);
    expect(ids[c]).toBe(paragraphIdOf(index, c));
  });

  it("derives paragraph ids from the normalised text", () => {
    const index = exactIndex();
    const u = add(index, "The “Minister’s” office");
    expect(paragraphIdOf(index, u)).toBe(paragraphId(normalise(`the "minister's" office`)));
  });
});

describe("near duplicates", () => {
  const base =
    "Engineers at the agency switched traffic to a backup data centre before noon, but the volume of requests kept rising and peaked at roughly forty times the usual daily load, the spokesperson said.";
  const other =
    "Opposition lawmakers called for a hearing on the incident and asked the ministry of energy to publish the technical report prepared by its response team, which has so far been shared only with the cabinet.";

  it("joins edited and abridged versions, confirmed by Jaccard and containment, and nothing else", () => {
    const index = exactIndex();
    const a = add(index, base);
    const edited = add(index, base.replace("roughly", "about"));
    const abridged = add(index, base.split(" ").slice(0, 22).join(" "));
    const unrelated = add(index, other);
    const short = add(index, "Killed five");
    const groups = nearDuplicates(index);
    expect(nearGroupOf(groups, edited)).toBe(nearGroupOf(groups, a));
    expect(nearGroupOf(groups, abridged)).toBe(nearGroupOf(groups, a));
    expect(nearGroupOf(groups, unrelated)).not.toBe(nearGroupOf(groups, a));
    expect(nearGroupOf(groups, short)).toBe(short);
    const abridgedPair = groups.pairs.find((pair) => pair.b === abridged || pair.a === abridged)!;
    expect(abridgedPair.jaccard).toBeLessThan(0.8);
    expect(abridgedPair.containment).toBe(1);
  });
});
