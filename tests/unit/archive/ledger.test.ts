import { describe, expect, it } from "vitest";
import { processCaptures, verifyLedger, type Archive } from "../../../src/lib/archive/index.ts";
import { generateCorpus, scoreArchive, TRUTH } from "../../../src/lib/archive/corpus.ts";
import { extractCapture } from "../../../src/lib/archive/formats/index.ts";
import type { CaptureInput } from "../../../src/lib/archive/index.ts";
import { captureFixtures, fixtures } from "./helpers.ts";

/** Characters escaped in HTML text. */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * A text capture as a saved page: each line a block element of a random kind and nesting, with
 * scripts, styles, comments and hidden elements (which hold no text) between them.
 */
function asPage(input: CaptureInput, seed: number): CaptureInput {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lines = extractCapture(input).text.split(/\r\n|\r|\n/);
  const html = lines.map((line) => {
    const text = line.replace(/[&<>]/g, (char) => ESCAPES[char]!);
    const tag = pick(["p", "li", "div", "h2", "blockquote", "td", "figcaption"]);
    const inline = random() < 0.3 ? `<a href="#" onclick="x()">${text}</a>` : text;
    const noise = pick([
      "",
      "<script>var hidden = 1;</script>",
      "<style>p { color: red }</style>",
      "<!-- a comment -->",
      '<div hidden>hidden words</div><span aria-hidden="true">icon</span>',
    ]);
    return `${noise}<div class="w${Math.floor(random() * 5)}"><${tag}>${inline}</${tag}></div>\n`;
  });
  const page = `<!DOCTYPE html><html><head><title>t</title></head><body>${html.join("")}</body></html>`;
  return { file: input.file.replace(/\.txt$/, ".html"), bytes: new TextEncoder().encode(page) };
}

/** A copy of an archive with a changed ledger. */
function withLedger(archive: Archive, ledger: Archive["ledger"]): Archive {
  return { ...archive, ledger };
}

describe("ledger", () => {
  it("accounts for every non-blank line of every fixture exactly once", () => {
    const inputs = captureFixtures();
    // Every capture format's fixtures are among them.
    for (const extension of [".txt", ".html", ".mhtml", ".warc", ".warc.gz", ".wacz", ".pdf"])
      expect(
        inputs.some((input) => input.file.endsWith(extension)),
        extension,
      ).toBe(true);
    const archive = processCaptures(inputs);
    expect(archive.stats.boilerplateByRule["outside-main-content"]).toBeGreaterThan(0);
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

  it("loses and doubles no block of saved pages made from generated corpora (property test over seeds)", () => {
    for (const seed of [1, 2, 3]) {
      const corpus = generateCorpus({ seed, bytes: 60_000 });
      const pages = corpus.inputs.map((input, i) => asPage(input, seed * 1000 + i));
      const archive = processCaptures(pages);
      expect(() => verifyLedger(pages, archive)).not.toThrow();
      expect(archive.ledger).toHaveLength(archive.stats.lines);
      // The pages' blocks hold the captures' words, each once: none lost, none doubled.
      pages.forEach((page, i) => {
        const { text } = extractCapture(corpus.inputs[i]!);
        const extracted = extractCapture(page);
        const words = (value: string): string[] => value.split(/\s+/).filter(Boolean).sort();
        expect(words(extracted.text), `${page.file}, seed ${seed}`).toEqual(words(text));
      });
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
