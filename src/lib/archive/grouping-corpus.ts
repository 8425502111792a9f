/**
 * A seeded generator of the shapes that make article grouping go wrong, with ground truth, for
 * the grouping benchmark (`npm run bench:archive`) and its tests: distinct articles of one site
 * that share its menus and footers, sister outlets that share a footer, copies that are abridged,
 * reflowed (paragraphs run together) or stripped of chrome, a paragraph quoted by two different
 * stories, and Japanese text (no spaces between words). Every capture holds one article; the truth
 * is which story it is a copy of.
 */
import { mulberry32 } from "./fingerprint.ts";
import type { Archive, CaptureInput } from "./types.ts";

/** A generated grouping corpus and its ground truth. */
export interface GroupingCorpus {
  /** The captures (one article each). */
  inputs: CaptureInput[];
  /** Per capture (same order): the story it is a copy of. */
  story: number[];
  /** Per capture (same order): how it was made (for reading failures). */
  shape: string[];
}

/** Generator settings. */
export interface GroupingCorpusOptions {
  /** PRNG seed. */
  seed: number;
  /** Number of sites (each with its own chrome; pairs of sites are sister outlets). */
  sites: number;
  /** Stories per site. */
  storiesPerSite: number;
}

const SYLLABLES = ["ka", "lo", "mi", "tre", "san", "vor", "del", "pa", "ri", "chu", "nel", "os"];
const MORE = ["ta", "ber", "gu", "lin", "ma", "ro", "ve", "zen", "qui", "dar", "fe", "ho"];
/** Kana and common kanji, for text written without spaces. */
const JAPANESE =
  "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん政府発表調査記者会見事件情報関係報告経済社会国際地域市場企業技術安全問題対応";

/** Generates a grouping corpus; the same options always give the same bytes. */
export function generateGroupingCorpus(options: GroupingCorpusOptions): GroupingCorpus {
  const random = mulberry32(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const syllables = [...SYLLABLES, ...MORE];
  const vocabulary = Array.from({ length: 5000 }, () => {
    let word = "";
    for (let s = 0, n = int(1, 3); s < n; s++) word += pick(syllables);
    return word;
  });
  const word = (): string => vocabulary[Math.floor(vocabulary.length * random() ** 2)]!;
  const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
  const sentence = (min: number, max: number): string =>
    capital(Array.from({ length: int(min, max) }, word).join(" ")) + ".";
  const paragraph = (): string =>
    Array.from({ length: int(2, 4) }, () => sentence(8, 20)).join(" ");
  const japaneseSentence = (): string =>
    Array.from({ length: int(25, 50) }, () =>
      JAPANESE.charAt(Math.floor(random() * JAPANESE.length)),
    ).join("") + "。";
  const japaneseParagraph = (): string =>
    Array.from({ length: int(2, 4) }, japaneseSentence).join("");
  const headline = (): string => Array.from({ length: int(5, 9) }, () => capital(word())).join(" ");

  interface Site {
    name: string;
    folder: string;
    menu: string[];
    footer: string[];
    japanese: boolean;
  }
  interface Story {
    id: number;
    headline: string;
    paragraphs: string[];
    japanese: boolean;
  }
  const sites: Site[] = [];
  for (let s = 0; s < options.sites; s++) {
    const japanese = s % 5 === 4;
    const name = `${capital(word())} ${pick(["News", "Daily", "Observer", "Review", "Post"])}`;
    // Odd sites are sister outlets of the site before: one owner, one legal footer.
    const sister = s % 2 === 1 ? sites[s - 1] : undefined;
    const footer = japanese
      ? [`© ${name} 無断転載を禁じます。${japaneseSentence()}`, japaneseSentence()]
      : [
          sister?.footer[0] ??
            `© 2024 ${name} Media Group. All rights reserved. Reproduction of any material without written permission is prohibited.`,
          `Subscribe to the ${name} newsletter to get the morning briefing, our best analysis and breaking alerts delivered to your inbox every day.`,
          `About us Contact Careers Advertise with ${name} Privacy policy Cookie settings Terms of use Accessibility statement Sitemap`,
          `${name} is a member of the regional press council and follows its code of practice on accuracy, corrections and complaints.`,
          `Download the ${name} app for iPhone and Android to read every edition offline and to follow live coverage as it happens.`,
        ];
    sites.push({
      name,
      folder: `site-${String(s).padStart(2, "0")}`,
      menu: [
        name,
        "Home",
        "World",
        "Politics",
        "Business",
        "Technology",
        `Most read on ${name} this week across all of our sections and regional editions`,
      ],
      footer,
      japanese,
    });
  }
  const stories: Story[] = [];
  const newStory = (japanese: boolean): Story => {
    const story: Story = {
      id: stories.length,
      headline: japanese ? japaneseSentence().slice(0, 20) : headline(),
      paragraphs: Array.from({ length: int(4, 9) }, japanese ? japaneseParagraph : paragraph),
      japanese,
    };
    stories.push(story);
    return story;
  };

  const inputs: CaptureInput[] = [];
  const story: number[] = [];
  const shape: string[] = [];
  const encoder = new TextEncoder();
  const emit = (site: Site, s: Story, kind: string, body: string[], chrome = true): void => {
    const lines = chrome
      ? [...site.menu, "", s.headline, `By ${capital(word())} ${capital(word())}`, ""]
      : [s.headline, ""];
    for (const paragraph of body) lines.push(paragraph, "");
    if (chrome) lines.push("Share this article", ...site.footer);
    inputs.push({
      file: `grouping/${site.folder}/capture-${String(inputs.length).padStart(4, "0")}.txt`,
      bytes: encoder.encode(lines.join("\n") + "\n"),
    });
    story.push(s.id);
    shape.push(kind);
  };
  /** A word substitution, as editors make when republishing. */
  const edit = (text: string): string => {
    const words = text.split(" ");
    if (words.length < 6) return text;
    words[int(2, words.length - 2)] = word();
    return words.join(" ");
  };
  /** Paragraphs run together: several original paragraphs become one. */
  const reflow = (paragraphs: readonly string[], japanese: boolean): string[] => {
    const joined: string[] = [];
    for (let i = 0; i < paragraphs.length;) {
      const n = int(2, 4);
      joined.push(paragraphs.slice(i, i + n).join(japanese ? "" : " "));
      i += n;
    }
    return joined;
  };

  for (const site of sites) {
    for (let k = 0; k < options.storiesPerSite; k++) {
      const s = newStory(site.japanese);
      const body = [...s.paragraphs];
      // A paragraph quoted from an earlier story of another site: a quotation, not a copy.
      const quoted = stories.length > 3 && random() < 0.3 ? pick(stories.slice(0, -1)) : undefined;
      if (quoted?.japanese === s.japanese)
        body.splice(int(1, body.length - 1), 0, quoted.paragraphs[1]!);
      emit(site, s, "original", body);
      if (random() < 0.55) {
        const others = sites.filter((o) => o !== site && o.japanese === site.japanese);
        const other = others.length > 0 ? pick(others) : site;
        const variant = pick(["syndicated", "abridged", "reflowed", "stripped", "edited"]);
        const copy =
          variant === "abridged"
            ? s.paragraphs.slice(0, Math.max(3, Math.ceil(s.paragraphs.length / 2)))
            : variant === "reflowed"
              ? reflow(s.paragraphs, s.japanese)
              : variant === "edited"
                ? s.paragraphs.map((p, i) => (i % 2 === 1 ? edit(p) : p))
                : [...s.paragraphs];
        emit(other, s, variant, copy, variant !== "stripped");
      }
      // A short piece of the site (a brief of two paragraphs), sharing all its chrome.
      if (random() < 0.25) {
        const brief = newStory(site.japanese);
        brief.paragraphs = brief.paragraphs.slice(0, int(1, 2));
        // Briefs often quote a paragraph of another story.
        if (random() < 0.3) brief.paragraphs.push(pick(stories.slice(0, -1)).paragraphs[0]!);
        emit(site, brief, "brief", brief.paragraphs);
      }
    }
  }
  return { inputs, story, shape };
}

/** Pairwise scores of grouping copies, and the merges of different stories. */
export interface GroupingScore {
  /** Capture pairs that are copies of one story. */
  truePairs: number;
  /** Capture pairs grouped in one document. */
  foundPairs: number;
  /** Found pairs that are true. */
  correctPairs: number;
  /** correctPairs / foundPairs. */
  precision: number;
  /** correctPairs / truePairs. */
  recall: number;
  /** Documents whose copies come from captures of different stories. */
  falseSyndications: number;
}

/**
 * Scores an archive against a grouping corpus. A capture's document is the one holding most of
 * its content paragraphs; two captures are grouped when they have the same document.
 */
export function scoreGrouping(corpus: GroupingCorpus, archive: Archive): GroupingScore {
  const index = new Map(corpus.inputs.map((input, i) => [input.file, i]));
  const best = new Array<{ document: string; paragraphs: number } | undefined>(
    corpus.inputs.length,
  );
  let falseSyndications = 0;
  for (const document of archive.documents) {
    const stories = new Set<number>();
    for (const copy of document.copies) {
      const i = index.get(copy.file);
      if (i === undefined) continue;
      stories.add(corpus.story[i]!);
      const current = best[i];
      if (!current || copy.paragraphs > current.paragraphs)
        best[i] = { document: document.id, paragraphs: copy.paragraphs };
    }
    if (stories.size > 1) falseSyndications++;
  }
  let truePairs = 0;
  let foundPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < corpus.inputs.length; i++) {
    for (let j = i + 1; j < corpus.inputs.length; j++) {
      const same = corpus.story[i] === corpus.story[j];
      const grouped = best[i] !== undefined && best[i]!.document === best[j]?.document;
      if (same) truePairs++;
      if (grouped) foundPairs++;
      if (same && grouped) correctPairs++;
    }
  }
  return {
    truePairs,
    foundPairs,
    correctPairs,
    precision: foundPairs === 0 ? 1 : correctPairs / foundPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
    falseSyndications,
  };
}
