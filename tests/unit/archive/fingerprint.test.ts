import { describe, expect, it } from "vitest";
import {
  containment,
  defaultMinHash,
  hash32,
  hexDigest,
  jaccard,
  lshCandidates,
  minHash,
  minHashSeeds,
  paragraphId,
  shingles,
} from "../../../src/lib/archive/fingerprint.ts";
import { normalise } from "../../../src/lib/archive/normalise.ts";

const BASE = normalise(
  "Engineers at the agency switched traffic to a backup data centre before noon, but the volume of requests kept rising and peaked at roughly forty times the usual daily load, the spokesperson said in a written statement on Tuesday.",
);
const EDITED = BASE.replace("roughly", "about");
const OTHER = normalise(
  "Opposition lawmakers called for a hearing on the incident and asked the ministry of energy to publish the technical report prepared by its response team, which has so far been shared only with the cabinet.",
);

/** Share of MinHash positions on which two texts agree. */
function agreement(a: string, b: string): number {
  const seeds = minHashSeeds(defaultMinHash);
  const k = seeds.length;
  const out = new Uint32Array(2 * k);
  minHash(shingles(a), seeds, out, 0);
  minHash(shingles(b), seeds, out, k);
  let same = 0;
  for (let i = 0; i < k; i++) if (out[i] === out[k + i]) same++;
  return same / k;
}

describe("fingerprint", () => {
  it("hashes reproducibly, with seeds that change the hash", () => {
    expect(hash32("casefile")).toBe(hash32("casefile"));
    expect(hash32("casefile", 1)).not.toBe(hash32("casefile", 2));
    // Pinned values: ids must never change between builds or machines.
    expect(hash32("", 0)).toBe(0);
    expect(hexDigest("casefile")).toMatch(/^[0-9a-f]{10}$/);
    expect(paragraphId("casefile")).toBe(paragraphId("casefile"));
    expect(paragraphId("casefile")).not.toBe(paragraphId("casefile."));
  });

  it("pins paragraph ids to their normalised text", () => {
    expect(paragraphId(normalise("The “Minister’s” office"))).toBe(
      paragraphId(normalise(`the "minister's"  office`)),
    );
  });

  it("makes sorted unique word shingles", () => {
    const set = shingles("a b c a b c");
    expect(set.length).toBe(3); // "a b c", "b c a", "c a b" ("a b c" repeats)
    expect([...set]).toEqual([...set].sort((x, y) => x - y));
    expect(shingles("one two").length).toBe(1);
    expect(shingles("").length).toBe(0);
  });

  it("measures Jaccard similarity and containment exactly", () => {
    const a = shingles(BASE);
    const b = shingles(EDITED);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(a, b)).toBeGreaterThan(0.7);
    expect(jaccard(a, shingles(OTHER))).toBe(0);
    const abridged = shingles(BASE.split(" ").slice(0, 20).join(" "));
    expect(jaccard(a, abridged)).toBeLessThan(0.6);
    expect(containment(a, abridged)).toBe(1);
  });

  it("estimates similarity with MinHash signatures", () => {
    expect(agreement(BASE, BASE)).toBe(1);
    expect(agreement(BASE, EDITED)).toBeGreaterThan(0.5);
    expect(agreement(BASE, OTHER)).toBeLessThan(0.2);
  });

  it("finds near-duplicate candidates with LSH banding, not unrelated texts", () => {
    const texts = [BASE, OTHER, EDITED];
    const seeds = minHashSeeds(defaultMinHash);
    const k = seeds.length;
    const signatures = new Uint32Array(texts.length * k);
    texts.forEach((text, i) => minHash(shingles(text), seeds, signatures, i * k));
    const pairs = new Set<string>();
    lshCandidates(signatures, texts.length, defaultMinHash, (i, j) => pairs.add(`${i}-${j}`));
    expect([...pairs]).toEqual(["0-2"]);
  });
});
