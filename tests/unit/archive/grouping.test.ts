import { describe, expect, it } from "vitest";
import { generateGroupingCorpus, scoreGrouping } from "../../../src/lib/archive/grouping-corpus.ts";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { wordCount } from "../../../src/lib/archive/normalise.ts";
import { toBlocks } from "../../../src/lib/archive/segment.ts";

const JAPANESE = "政府は火曜日、選挙管理委員会のサーバーに対する攻撃について調査結果を発表した。";

describe("grouping copies without false merges", () => {
  it("groups abridged, reflowed, stripped and edited copies, and never articles that only share chrome or a quotation", () => {
    for (const seed of [1, 2, 3]) {
      const corpus = generateGroupingCorpus({ seed, sites: 8, storiesPerSite: 2 });
      const archive = processCaptures(corpus.inputs);
      const score = scoreGrouping(corpus, archive);
      expect(score.falseSyndications, `seed ${seed}`).toBe(0);
      expect(score.precision, `seed ${seed}`).toBeGreaterThanOrEqual(0.99);
      expect(score.recall, `seed ${seed}`).toBeGreaterThanOrEqual(0.95);
      expect(score.truePairs).toBeGreaterThan(3);
    }
  });

  it("records a paragraph two different stories share as shared, not as a copy", () => {
    const corpus = generateGroupingCorpus({ seed: 4, sites: 12, storiesPerSite: 3 });
    const archive = processCaptures(corpus.inputs);
    expect(scoreGrouping(corpus, archive).falseSyndications).toBe(0);
    const sharing = archive.documents.filter((document) => document.sharedParagraphs.length > 0);
    expect(sharing.length).toBeGreaterThan(1);
  });
});

describe("words of text written without spaces", () => {
  it("counts Japanese words with a word segmenter, not by spaces", () => {
    expect(wordCount(JAPANESE)).toBeGreaterThanOrEqual(12);
    expect(wordCount("two words")).toBe(2);
    const [block] = toBlocks("ja.txt", [JAPANESE]);
    expect(block!.words).toBe(wordCount(JAPANESE));
  });

  it("joins a Japanese article to its copy, and keeps apart two Japanese articles with one footer", () => {
    const body = [
      JAPANESE,
      "調査によると、攻撃は三つの国のサーバーから行われ、投票の集計には影響がなかったという。",
      "委員会の広報担当者は記者会見で、今後も監視を続けると述べた。",
    ];
    const other = [
      "中央銀行は水曜日、金利を据え置くと発表し、物価の動向を注視する考えを示した。",
      "市場関係者の多くは、年内の利上げはないとみている。",
      "総裁は会見で、為替の急な変動には適切に対応すると語った。",
    ];
    const footer = "© 例示新聞社 無断転載を禁じます。記事の内容は掲載時点のものです。";
    const encode = (lines: string[]) => new TextEncoder().encode(lines.join("\n\n") + "\n");
    const archive = processCaptures([
      { file: "ja/a.txt", bytes: encode([...body, footer]) },
      { file: "ja/b.txt", bytes: encode([...other, footer]) },
      { file: "ja/c.txt", bytes: encode(body.slice(0, 2)) },
    ]);
    const files = archive.documents.map((document) =>
      document.copies.map((copy) => copy.file).sort(),
    );
    expect(files).toEqual([["ja/a.txt", "ja/c.txt"], ["ja/b.txt"]]);
  });
});
