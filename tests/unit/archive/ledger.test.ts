import { describe, expect, it } from "vitest";
import { processCaptures, verifyLedger, type Archive } from "../../../src/lib/archive/index.ts";
import { generateCorpus, scoreArchive, TRUTH } from "../../../src/lib/archive/corpus.ts";
import { fixtures, captureFixtures } from "./helpers.ts";

/** A copy of an archive with a changed ledger. */
function withLedger(archive: Archive, ledger: Archive["ledger"]): Archive {
  return { ...archive, ledger };
}

describe("ledger", () => {
  it("accounts for every non-blank line of every fixture exactly once", () => {
    const inputs = captureFixtures();
    const archive = processCaptures(inputs);
    expect(() => verifyLedger(inputs, archive)).not.toThrow();
    expect(archive.ledger).toHaveLength(archive.stats.lines);
    expect(archive.stats.kept + archive.stats.duplicates + archive.stats.boilerplate).toBe(
      archive.stats.lines,
    );
    for (const entry of archive.ledger) {
      if (entry.status === "kept") expect(entry.paragraph).toMatch(/^p-/);
      if (entry.status === "duplicate") expect(entry.duplicateOf).toMatch(/^p-/);
      if (entry.status === "boilerplate") expect(entry.rule).toBeTruthy();
    }
  });

  it("lists entries in file then line order", () => {
    const archive = processCaptures(captureFixtures());
    const keys = archive.ledger.map((e) => [e.file, e.line] as const);
    const sorted = [...keys].sort(([f1, l1], [f2, l2]) => (f1 < f2 ? -1 : f1 > f2 ? 1 : l1 - l2));
    expect(keys).toEqual(sorted);
  });

  it("throws when a line is lost, doubled or points nowhere", () => {
    const inputs = fixtures("pasted-twice.txt");
    const archive = processCaptures(inputs);
    expect(() => verifyLedger(inputs, withLedger(archive, archive.ledger.slice(1)))).toThrow(
      /:1 is missing/,
    );
    expect(() =>
      verifyLedger(inputs, withLedger(archive, [...archive.ledger, archive.ledger[3]!])),
    ).toThrow(/twice/);
    const broken = archive.ledger.map((e, i) =>
      i === 0 ? { ...e, paragraph: "p-0000000000" } : e,
    );
    expect(() => verifyLedger(inputs, withLedger(archive, broken))).toThrow(/unknown paragraph/);
  });

  it("is deterministic: the same input gives the same bytes, whatever the input order", () => {
    const inputs = captureFixtures();
    const first = JSON.stringify(processCaptures(inputs));
    const again = JSON.stringify(processCaptures([...inputs].reverse()));
    expect(again).toBe(first);
  });

  it("loses no line and finds duplicates in generated corpora (property test over seeds)", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const corpus = generateCorpus({ seed, bytes: 120_000 });
      const archive = processCaptures(corpus.inputs);
      expect(() => verifyLedger(corpus.inputs, archive)).not.toThrow();
      const score = scoreArchive(corpus, archive.ledger);
      expect(score.linesLost, `seed ${seed}`).toBe(0);
      expect(score.precision, `seed ${seed}`).toBeGreaterThanOrEqual(0.98);
      expect(score.recall, `seed ${seed}`).toBeGreaterThanOrEqual(0.98);
      expect(score.boilerplateRecall, `seed ${seed}`).toBeGreaterThanOrEqual(0.98);
      expect(score.boilerplatePrecision, `seed ${seed}`).toBeGreaterThanOrEqual(0.98);
      expect(score.truePairs).toBeGreaterThan(20);
    }
  });

  it("generates the same corpus for the same seed, with ground truth for every line", () => {
    const a = generateCorpus({ seed: 7, bytes: 30_000 });
    const b = generateCorpus({ seed: 7, bytes: 30_000 });
    expect(a.inputs.map((i) => i.file)).toEqual(b.inputs.map((i) => i.file));
    expect(
      Buffer.concat(a.inputs.map((i) => i.bytes)).equals(
        Buffer.concat(b.inputs.map((i) => i.bytes)),
      ),
    ).toBe(true);
    const truths = a.truth.flatMap((t) => [...t]);
    expect(truths).toContain(TRUTH.boilerplate);
    expect(truths.some((t) => t >= 0)).toBe(true);
  });
});
