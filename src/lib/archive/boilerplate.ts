/**
 * Boilerplate is labelled, never deleted: each rule names a kind of page chrome that survives a
 * copy-and-paste, and gives the reason a reader sees in the processing report. The rules describe
 * the genre (navigation, share buttons, photo credits…), not particular sites. A last,
 * statistical rule (`recurring-chrome`) is applied across the corpus in `index.ts`.
 */
import { isByline, isDateline, isHeadlineShaped, isListItem, isQuestion } from "./roles.ts";
import {
  endsWithPhotoCredit,
  isCreditLine,
  isRelativeTime,
  isShortLine,
  lineWords,
  looksLikeCode,
  shortRuns,
  SHORT_LINE_WORDS,
} from "./line-shapes.ts";
import { FOLD, foldedStart } from "./normalise.ts";
import { keyOf, type Block } from "./segment.ts";
import {
  creditStart,
  endsWithViaCredit,
  hasWebAddress,
  isBreadcrumb,
  isWhitespace,
  mentionsAlternateAddress,
  withoutTrailing,
} from "./text-patterns.ts";
import { maxOf } from "../arrays.ts";

/** What a rule can see about one paragraph: its text and its place in the article. */
interface LineContext {
  /** Display text, trimmed. */
  text: string;
  /** Word count (by `Intl.Segmenter` for scripts written without spaces, see `lineWords`). */
  words: number;
  /** True for a separator line. */
  separator: boolean;
  /** Position among the article's paragraphs, from 0. */
  index: number;
  /** The article's paragraphs (trimmed display text). */
  lines: readonly string[];
  /** For each of the article's paragraphs, whether it is prose (see `isProse`). */
  prose: readonly boolean[];
  /** Index of the article's first prose paragraph (lines.length if none). */
  firstProse: number;
  /** Index of the article's last prose paragraph (-1 if none). */
  lastProse: number;
  /** The caption texts of the article's paragraphs. */
  captions: Captions;
  /** For each paragraph, the length of the run of short lines it is in (0 if not short). */
  runs: Int32Array;
  /** For each paragraph, whether it is a dateline or a relative time ("2 hours ago"). */
  datelines: readonly boolean[];
  /** Index of the article's first dateline (lines.length if none). */
  firstDateline: number;
  /** For each paragraph, whether it looks like a line of code or a table row (`looksLikeCode`). */
  code: readonly boolean[];
  /** For each paragraph, how many paragraphs of the article have its normalised text. */
  repeats: Int32Array;
}

/** One named boilerplate rule. */
export interface BoilerplateRule {
  /** Stable rule name, shown in the ledger (`rule`). */
  name: string;
  /** Longest paragraph (in words) the rule applies to: chrome is short, prose is never chrome. */
  maxWords: number;
  /** True when the paragraph is this kind of chrome. */
  test: (line: LineContext) => boolean;
  /** Why such lines are labelled, in the reader's words. */
  reason: string;
  /**
   * True for a rule of pasted text only (a copy of the whole page, menus and footers included):
   * a saved page's format has already set its chrome apart, and the rule would misread its
   * blocks (a table's cells, a list's items) inside the main content.
   */
  pastedOnly?: true;
}

const BULLET = /^[•·▪●◦‣*+-]\s*/u;
const SOCIAL =
  /^(?:[•·▪●◦‣*+-]\s*)?(?:facebook|twitter|x|google\s*\+|google plus|instagram|youtube|telegram|whatsapp|linkedin|reddit|vk|vkontakte|tiktok|pinterest|tumblr|mastodon|bluesky|threads|flipboard|odnoklassniki|weibo|wechat|rss|e-?mail|print|copy link)$/i;
const SHARE =
  /^(?:share(?: this)?(?: article| story| post| page| on \w+)?|tweet|like|comments?|\d+ comments?|(?:post|article|story) with (?:no|\d+) comments?|no comments|post a comment|leave a (?:comment|reply)|add (?:a )?comment|show comments|view comments|subscribe(?: now)?|follow us(?: on \w+)?|newer post|older post|home|back to top|print(?: this)?(?: article)?)[.:!]?$/i;
const LINK_RESIDUE =
  /^(?:source|sources|link|links|here|click here|via|original|archived?|video|watch|listen|more|continue reading|read on)[.:]?$/i;
const URL_LINE = /^<?\s*(?:https?:\/\/\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?)\s*>?$/i;
const POST_FOOTER =
  /^(?:(?:posted|published|written) by .{1,40}? (?:at|on) .{1,30}|(?:posted|published) (?:at|on) .{1,30}|labels?: .{1,80}|email this\s*blogthis!?.*)$/i;
const CREDIT_START = /^(?:photos?|images?|credit|photo credit|picture)\s*:/i;
const IMAGE_LABEL = /^\|?\s*\d+\s*\|\s*[^|]{0,40}\|?$/;
const READ_MORE =
  /^(?:read (?:more|also)|also read|see also|related(?: articles?| stories| news| content)?|more on this(?: story| topic)?|recommended(?: for you)?|you may also like|most read)\s*[:>»…-]/i;
const TV_APPS =
  /(?:smart ?tvs?|apple tv|android tv|roku|fire ?tv|app ?store|google play|tv apps?|mobile apps?|download (?:our|the) app)/i;
/** A footer's copyright notice, in the languages of the samples (and Japanese, 無断転載: "no reproduction"). */
const LEGAL =
  /^(?:©|\(c\)\s*\d{4}|copyright\b)|\ball rights reserved\b|\btodos los derechos reservados\b|無断転載/i;
const EMBED =
  /^(?:please )?(?:click|tap|press)\b.{0,40}\b(?:link|here|below|button)\b.{0,40}\b(?:listen|watch|view|play|download|hear)\b/i;
/** Cheap tests run before the costlier patterns below (most lines fail them). */
const ALTERNATE_HINT = /alternat|mirror|also|still/i;
const TRAIL_MARK = /[>›»/\\|]/;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;
const NAME_WORD = /^[\p{Lu}][\p{L}'.-]*$/u;

/** The longest paragraph (in words) a rule reads the normalised key of. */
const KEYED_WORDS = 60;

/** How far apart (in paragraphs) two copies of one caption may be. */
const CAPTION_WINDOW = 4;

/** True for text that may carry a photo credit (cheap test before `creditStart`). */
function mayHaveCredit(text: string): boolean {
  return text.includes("(") || text.includes("|");
}

/**
 * Cheap test that `hasWebAddress` may hold (most lines fail it): an address needs "//" (after
 * http:), or a full stop after "www" or before a letter (the top-level domain). Only ASCII letters
 * count as its letters, whatever their case.
 */
function mayHaveDomain(text: string): boolean {
  if (text.includes("//")) return true;
  for (let dot = text.indexOf("."); dot >= 0; dot = text.indexOf(".", dot + 1)) {
    const next = asciiLower(text, dot + 1);
    if (next >= 97 && next <= 122) return true;
    const www =
      asciiLower(text, dot - 3) === 119 &&
      asciiLower(text, dot - 2) === 119 &&
      asciiLower(text, dot - 1) === 119;
    if (www) return true;
  }
  return false;
}

/**
 * The code unit at i with bit 0x20 set (32 outside the text): ASCII capitals become lower case,
 * and no code unit but an ASCII letter lands on "a"…"z".
 */
function asciiLower(text: string, i: number): number {
  return text.charCodeAt(i) | 0x20;
}

/** True for a key that starts with a bullet or ends with a photo credit. */
function isCaptionMark(key: string): boolean {
  return BULLET.test(key) || (mayHaveCredit(key) && creditStart(key) >= 0);
}

/** Code units a bullet line's key starts with (see BULLET). */
const BULLET_CODES = new Set(Array.from("•·▪●◦‣*+-", (char) => char.charCodeAt(0)));

/**
 * Cheap test that `isCaptionMark(keyOf(block))` may hold, so that most keys are never built: a
 * key built from `FOLD` holds "(" or "|" only where the text does, and starts with its folded
 * first visible character.
 */
function mayBeCaptionMark(block: Block): boolean {
  return block.key !== "" || mayHaveCredit(block.text) || BULLET_CODES.has(foldedStart(block.text));
}

/** `[\s|.]`: what is left at the end of a caption once its credit is gone. */
function isCaptionTail(c: number): boolean {
  return c === 124 || c === 46 || isWhitespace(c);
}

/** Strips a leading bullet and a trailing photo credit, to compare caption copies. */
function captionCore(key: string): string {
  if (BULLET_CODES.has(key.charCodeAt(0)) || mayHaveCredit(key)) {
    const text = key.replace(BULLET, "");
    const credit = creditStart(text);
    return withoutTrailing(credit < 0 ? text : text.slice(0, credit), isCaptionTail).trim();
  }
  // No bullet or credit to strip (the usual case): only trailing full stops and spaces go, the
  // only whitespace a normalised key has.
  let end = key.length;
  while (end > 0 && (key.charCodeAt(end - 1) === 46 || key.charCodeAt(end - 1) === 32)) end--;
  return key.slice(0, end);
}

/** True when most words of a short line are capitalised, as in a headline or a name. */
function titleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => word.length >= 4);
  if (words.length < 2) return false;
  return words.filter((word) => /^[\p{Lu}\d"'“‘]/u.test(word)).length >= words.length * 0.7;
}

/** The boilerplate rules, tried in order; the first that matches labels the paragraph. */
const boilerplateRules = [
  {
    name: "separator",
    maxWords: 40,
    test: (line) => line.separator,
    reason: "a separator line between pasted pages",
  },
  {
    name: "bare-url",
    maxWords: 2,
    test: (line) => URL_LINE.test(line.text),
    reason: "a bare web address or domain left by a copied link",
  },
  {
    name: "link-residue",
    maxWords: 3,
    test: (line) => LINK_RESIDUE.test(line.text),
    reason: "the text of a link whose address was lost (e.g. a lone “Source”)",
  },
  {
    name: "share-comment",
    maxWords: 8,
    test: (line) => SHARE.test(line.text),
    reason: "share buttons, comment counters and comment forms",
  },
  {
    name: "post-footer",
    maxWords: 14,
    // After the last prose only: the same words before an article are its byline.
    test: (line) => line.index > line.lastProse && POST_FOOTER.test(line.text),
    reason: "a blog post's footer (“Posted by … at …”, labels)",
  },
  {
    name: "social-link",
    maxWords: 4,
    test: (line) => SOCIAL.test(line.text),
    reason: "a link to the outlet's social-media accounts",
  },
  {
    name: "navigation",
    maxWords: 4,
    test: (line) =>
      BULLET.test(line.text) &&
      line.text.length <= 32 &&
      !/[.!?:;,]$/.test(line.text) &&
      line.index < line.firstProse,
    reason: "a site navigation item (a short bulleted menu entry before the article)",
  },
  {
    name: "breadcrumb",
    maxWords: 8,
    test: (line) =>
      line.index < line.firstProse && TRAIL_MARK.test(line.text) && isBreadcrumb(line.text),
    reason: "a breadcrumb trail (section > sub-section)",
  },
  {
    name: "photo-credit",
    maxWords: 80,
    // "(Via AFP)" also ends quoted prose, so only short paragraphs count as captions by it.
    test: (line) =>
      (mayHaveCredit(line.text) &&
        creditStart(line.text) >= 0 &&
        (line.words <= 40 || !endsWithViaCredit(line.text))) ||
      (line.words <= 40 && CREDIT_START.test(line.text)),
    reason: "a photo caption or credit",
  },
  {
    name: "credit-line",
    pastedOnly: true,
    maxWords: 40,
    // Before `related-story`: "Photo by Jane Doe" between two paragraphs is a credit, not a teaser.
    test: (line) =>
      isCreditLine(line.text, line.words) ||
      (!line.prose[line.index] && endsWithPhotoCredit(line.text, line.words)),
    reason: "a credit line (“Photo: …”, “Originally published by …”, an agency credit)",
  },
  {
    name: "image-label",
    maxWords: 8,
    test: (line) => IMAGE_LABEL.test(line.text),
    reason: "an image number and credit left by a picture gallery",
  },
  {
    name: "image-caption",
    maxWords: 80,
    test: (line) => line.text.startsWith("|"),
    reason: "an image caption (copied from a table cell beside a picture)",
  },
  {
    name: "read-more",
    maxWords: 30,
    test: (line) => READ_MORE.test(line.text),
    reason: "a “Read more” link to another story",
  },
  {
    name: "alternate-domains",
    maxWords: 40,
    test: (line) =>
      mayHaveDomain(line.text) &&
      ALTERNATE_HINT.test(line.text) &&
      mentionsAlternateAddress(line.text) &&
      hasWebAddress(line.text),
    reason: "a footer listing the site's alternate addresses",
  },
  {
    name: "tv-apps",
    maxWords: 40,
    test: (line) => !line.prose[line.index] && TV_APPS.test(line.text),
    reason: "a footer advertising the outlet's TV or mobile apps",
  },
  {
    name: "legal-notice",
    maxWords: 40,
    test: (line) => LEGAL.test(line.text),
    reason: "a copyright or legal notice from the page footer",
  },
  {
    name: "embed-prompt",
    maxWords: 25,
    test: (line) => EMBED.test(line.text),
    reason: "an instruction pointing to an embedded player or link that did not survive the copy",
  },
  {
    name: "caption-repeat",
    maxWords: 60,
    test: ({ captions, index, text }) => {
      const length = captions.lengths[index]!;
      if (length < 12 || isQuestion(text)) return false;
      for (let j = Math.max(0, index - CAPTION_WINDOW); j <= index + CAPTION_WINDOW; j++) {
        if (
          j !== index &&
          captions.lengths[j] === length &&
          captions.coreAt(j) === captions.coreAt(index) &&
          captions.keyAt(j) !== captions.keyAt(index)
        )
          return true;
      }
      return false;
    },
    reason: "a second copy of a photo caption (bullet and credit variants of the same text)",
  },
  {
    name: "related-story",
    maxWords: 24,
    test: (line) => {
      if (line.index <= line.firstProse + 1 || line.index >= line.lastProse) return false;
      return (
        line.words >= 4 &&
        isHeadlineShaped(line.text) &&
        titleCased(line.text) &&
        !/^["“‘']/.test(line.text) &&
        line.prose[line.index - 1] === true &&
        line.prose[line.index + 1] === true
      );
    },
    reason: "the headline of a different story, inserted in the body as a teaser link",
  },
  {
    name: "tag",
    maxWords: 4,
    test: (line) =>
      line.index > line.lastProse &&
      line.lastProse >= 0 &&
      line.text.split(/\s+/).every((word) => NAME_WORD.test(word)) &&
      !/[.!?:;,]$/.test(line.text),
    reason: "a tag (a name or topic alone after the article body)",
  },
  {
    name: "repeated-dateline",
    pastedOnly: true,
    maxWords: 14,
    // The article's own date comes first; later ones date teasers, comments or other posts.
    test: (line) =>
      line.datelines[line.index] === true &&
      line.index > line.firstDateline &&
      line.index > line.firstProse,
    reason: "a date repeated after the article's own (teasers, comments or other posts)",
  },
  {
    name: "short-line-run",
    pastedOnly: true,
    maxWords: SHORT_LINE_WORDS,
    test: (line) => {
      const run = line.runs[line.index]!;
      const outside = line.index < line.firstProse || line.index > line.lastProse;
      if (run < (outside ? RUN_OUTSIDE : RUN_INSIDE)) return false;
      // Inside the article, a numbered step or a line introducing what follows is its own.
      if (!outside && (isListItem(line.text) || line.text.endsWith(":"))) return false;
      if (line.datelines[line.index] === true || isByline(line.text)) return false;
      // A short headline closes the menu run above it: the article's first lines follow it.
      if (line.index < line.firstProse && line.index + 1 < line.lines.length) {
        const next = line.lines[line.index + 1]!;
        const leads =
          line.index + 1 === line.firstProse ||
          line.datelines[line.index + 1] === true ||
          isByline(next);
        if (leads && line.words >= 2 && isHeadlineShaped(line.text)) return false;
      }
      return true;
    },
    reason:
      "one of a run of short lines (a menu, teaser list, comment thread, newsletter or legal block)",
  },
  {
    name: "recurring-line",
    pastedOnly: true,
    maxWords: 40,
    // Within one article only: a line the page showed twice or more (a teaser's "Continue
    // reading", a sign-up prompt above and below the text) is the page's, not the article's.
    // Copies between the article's first and last prose are left alone: a table of contents
    // repeats the headings below it, and the headings are the article's.
    test: (line) =>
      line.repeats[line.index]! >= 2 &&
      (line.index < line.firstProse || line.index > line.lastProse) &&
      !line.prose[line.index] &&
      !line.code[line.index] &&
      !isQuestion(line.text) &&
      !isByline(line.text) &&
      line.datelines[line.index] !== true,
    reason: "a line the page shows more than once around the article (site chrome)",
  },
  {
    name: "after-article-run",
    pastedOnly: true,
    maxWords: 40,
    // Prose ends the article; a run of lines after it that are not prose is what the page
    // showed around it (teasers, footers, legal lines), not a closing list of the article's.
    test: (line) =>
      line.lastProse >= 0 &&
      line.index > line.lastProse &&
      line.lines.length - line.lastProse - 1 >= TAIL_RUN &&
      !isListItem(line.text) &&
      !SENTENCE_END.test(line.text) &&
      !line.code[line.index] &&
      // Teasers and footer links are headlines and names; a closing list's items are sentences.
      (titleCased(line.text) || line.words <= 3),
    reason: "one of the lines after the article's last paragraph (teasers, footer, legal lines)",
  },
] as const satisfies readonly BoilerplateRule[];

/** Fewest lines after an article's last prose that are labelled as a run. */
const TAIL_RUN = 5;

/** Shortest run of short lines labelled before or after an article's prose. */
const RUN_OUTSIDE = 3;

/** Shortest run of short lines labelled between prose paragraphs (a list may sit there). */
const RUN_INSIDE = 8;

/** The statistical rule applied across the corpus (see `index.ts`). */
export const recurringChromeRule = {
  name: "recurring-chrome",
  maxWords: 10,
  test: () => false,
  reason: "a short line that recurs in captures of unrelated articles in one folder (site chrome)",
} as const satisfies BoilerplateRule;

/** The rule a capture format applies itself: blocks of a saved page outside its main content. */
export const outsideMainContentRule = {
  name: "outside-main-content",
  maxWords: Infinity,
  test: () => false,
  reason: "outside the main content, as the extractor judged",
} as const satisfies BoilerplateRule;

/** A boilerplate verdict for one paragraph. */
export interface BoilerplateLabel {
  /** Rule name. */
  rule: string;
  /** The rule's reason. */
  reason: string;
}

/** Every rule's name and reason, for the report's legend. */
export const boilerplateLegend: readonly { name: string; reason: string }[] = [
  ...boilerplateRules,
  recurringChromeRule,
  outsideMainContentRule,
].map(({ name, reason }) => ({ name, reason }));

/** One shared, frozen label per rule (labels are compared and counted, never changed). */
const ruleLabels: readonly BoilerplateLabel[] = boilerplateRules.map(({ name, reason }) =>
  Object.freeze({ rule: name, reason }),
);

/** The longest paragraph any rule applies to. */
const LONGEST = maxOf(boilerplateRules.map((rule) => rule.maxWords)) + 1;

/** For each word count (capped), the indices of the rules that apply, in table order. */
const rulesFor = (pasted: boolean): readonly number[][] =>
  Array.from({ length: LONGEST + 1 }, (_, words) =>
    boilerplateRules.flatMap((rule: BoilerplateRule, r) =>
      words <= rule.maxWords && (pasted || rule.pastedOnly !== true) ? [r] : [],
    ),
  );

/** The rules for pasted text, and for blocks a format read from a saved page. */
const pastedRulesFor = rulesFor(true);
const pageRulesFor = rulesFor(false);

/**
 * The caption texts of an article's paragraphs, for the `caption-repeat` rule: a caption's core
 * is its key without a leading bullet, a trailing credit or trailing full stops (`captionCore`).
 * Only paragraphs near a bulleted or credited line have one. Every core's length is known at
 * once — read from the text where the key was never built (`plainCoreLength`) — so cores, and the
 * keys they come from, are built only where two lengths agree.
 */
export interface Captions {
  /** Length of each paragraph's core; -1 for a paragraph without one. */
  lengths: Int32Array;
  /** The core of a paragraph that has one (built on first use). */
  coreAt: (index: number) => string;
  /** The normalised key of a paragraph (built on first use). */
  keyAt: (index: number) => string;
}

/** The caption texts of an article's paragraphs (see `Captions`). */
export function articleCaptions(blocks: readonly Block[]): Captions {
  // Keys only where needed (toBlocks may have kept some already).
  const keys = blocks.map((block) => block.key);
  const keyAt = (i: number): string => {
    if (keys[i] === "") keys[i] = keyOf(blocks[i]!);
    return keys[i]!;
  };
  const cores = new Array<string | undefined>(blocks.length);
  const coreAt = (i: number): string => (cores[i] ??= captionCore(keyAt(i)));
  // Caption copies are only compared near a bulleted or credited line, to keep this linear.
  const marked = blocks.map(
    (block, i) => block.words <= KEYED_WORDS && mayBeCaptionMark(block) && isCaptionMark(keyAt(i)),
  );
  const lengths = new Int32Array(blocks.length).fill(-1);
  blocks.forEach((block, i) => {
    if (block.words > KEYED_WORDS) return;
    const last = Math.min(blocks.length - 1, i + CAPTION_WINDOW);
    for (let j = Math.max(0, i - CAPTION_WINDOW); j <= last; j++) {
      if (!marked[j]) continue;
      lengths[i] = keys[i] === "" && block.length > 0 ? plainCoreLength(block) : coreAt(i).length;
      return;
    }
  });
  return { lengths, coreAt, keyAt };
}

/**
 * The length of `captionCore(keyOf(block))` read from the text, for a block whose key was not
 * built and that cannot be a caption mark (see `mayBeCaptionMark`). Its key is then its text
 * through `FOLD` with whitespace runs made one space and the ends trimmed, with no bullet or
 * credit to strip: the core is the key less its trailing run of full stops and spaces.
 */
function plainCoreLength(block: Block): number {
  const text = block.text;
  let i = text.length - 1;
  while (i >= 0 && FOLD[text.charCodeAt(i)] === 32) i--;
  let stripped = 0;
  while (i >= 0) {
    const c = FOLD[text.charCodeAt(i)];
    if (c === 46) {
      stripped++;
      i--;
    } else if (c === 32) {
      while (i >= 0 && FOLD[text.charCodeAt(i)] === 32) i--;
      // One space in the key, unless the run led the text (trimmed).
      if (i >= 0) stripped++;
    } else break;
  }
  return block.length - stripped;
}

/**
 * For each block, how many blocks of the list have its normalised text (by digest and length).
 * Blocks are grouped by the high half of their digest, then told apart by the rest, so that no
 * string key is built per block.
 */
function repeatCounts(blocks: readonly Block[]): Int32Array {
  const counts = new Int32Array(blocks.length).fill(1);
  const first = new Map<number, number>();
  let repeated = false;
  for (let i = 0; i < blocks.length; i++) {
    const high = blocks[i]!.high;
    if (first.has(high)) repeated = true;
    else first.set(high, i);
  }
  if (!repeated) return counts;
  // Rare (a line shown twice): group equal texts by their first occurrence.
  const groups = new Map<number, number[]>();
  blocks.forEach((block, i) => {
    const group = groups.get(block.high) ?? [];
    let same = group.find((j) => sameDigest(blocks[j]!, block));
    if (same === undefined) {
      group.push(i);
      same = i;
    }
    groups.set(block.high, group);
    counts[same]! += same === i ? 0 : 1;
  });
  // Every copy gets its first occurrence's count.
  blocks.forEach((block, i) => {
    const same = groups.get(block.high)!.find((j) => sameDigest(blocks[j]!, block))!;
    counts[i] = counts[same]!;
  });
  return counts;
}

/** True when two blocks have the same normalised text (by 64-bit digest and length). */
function sameDigest(a: Block, b: Block): boolean {
  return a.high === b.high && a.low === b.low && a.length === b.length;
}

/**
 * Labels an article's paragraphs: the first matching rule for each, or undefined for content.
 * `pasted` is false for blocks of a format that read a page's structure (a saved page, a web
 * archive, a PDF), which the rules for pasted text leave alone (see `pastedOnly`).
 */
export function labelArticle(
  blocks: readonly Block[],
  pasted = true,
): (BoilerplateLabel | undefined)[] {
  const rules = pasted ? pastedRulesFor : pageRulesFor;
  const lines = blocks.map((block) => block.text.trim());
  const words = blocks.map((block, i) => lineWords(lines[i]!, block.words));
  const prose = lines.map((text, i) => text.length >= 120 || words[i]! >= 20);
  const lastProse = prose.lastIndexOf(true);
  const firstProse = lastProse < 0 ? lines.length : prose.indexOf(true);
  const datelines = lines.map((text) => isRelativeTime(text) || isDateline(text));
  const firstDateline = datelines.indexOf(true);
  const runs = shortRuns(
    blocks.map((block, i) => !block.separator && isShortLine(block.text, words[i]!)),
  );
  // One context object, updated per paragraph: rules are pure tests, and this runs per line.
  const line: LineContext = {
    text: "",
    words: 0,
    separator: false,
    index: 0,
    lines,
    prose,
    firstProse,
    lastProse,
    captions: articleCaptions(blocks),
    runs,
    datelines,
    firstDateline: firstDateline < 0 ? lines.length : firstDateline,
    repeats: repeatCounts(blocks),
    // Only lines that are not prose are asked (see `recurring-line`, `after-article-run`).
    code: blocks.map((block, i) => !prose[i] && looksLikeCode(block.text)),
  };
  return blocks.map((block, index) => {
    line.text = lines[index]!;
    line.words = words[index]!;
    line.separator = block.separator;
    line.index = index;
    for (const r of rules[Math.min(line.words, LONGEST)]!) {
      if (boilerplateRules[r]!.test(line)) return ruleLabels[r];
    }
    return undefined;
  });
}

/** One short content line, for corpus statistics. */
export interface ChromeCandidate {
  /** Distinct-text index of the line. */
  unique: number;
  /** Capture path label. */
  file: string;
  /** Document cluster the line's article belongs to. */
  cluster: number;
  /** True for a short line; a longer one needs more evidence (see `recurringChrome`). */
  short: boolean;
}

/** Folder of a capture path ("" at the top). */
function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

/**
 * Distinct texts that are site chrome by statistics, counted per folder (one outlet or one
 * incident) only, so that no label depends on unrelated captures of the site: a short line when
 * found in unrelated documents from two captures of one folder; a longer line (a footer's notice)
 * when found in three captures and three documents of one folder. Copies of one article
 * (syndication) never count, since they are one document.
 */
export function recurringChrome(candidates: readonly ChromeCandidate[]): Set<number> {
  // A text found once is in one document: only texts found twice or more are tallied (most short
  // lines are found once, and a capture of short lines would otherwise tally each).
  let distinct = 0;
  for (const { unique } of candidates) distinct = Math.max(distinct, unique + 1);
  const found = new Uint8Array(distinct);
  for (const { unique } of candidates) if (found[unique]! < 2) found[unique]!++;
  const seen = new Map<
    number,
    { files: Set<string>; clusters: Set<number>; folders: Map<string, Set<string>> }
  >();
  const long = new Uint8Array(distinct);
  for (const { unique, file, cluster, short } of candidates) {
    if (found[unique]! < 2) continue;
    if (!short) long[unique] = 1;
    let entry = seen.get(unique);
    if (!entry) {
      entry = { files: new Set(), clusters: new Set(), folders: new Map() };
      seen.set(unique, entry);
    }
    entry.files.add(file);
    entry.clusters.add(cluster);
    const folder = folderOf(file);
    const files = entry.folders.get(folder) ?? new Set<string>();
    files.add(file);
    entry.folders.set(folder, files);
  }
  const chrome = new Set<number>();
  for (const [unique, entry] of seen) {
    if (entry.clusters.size < 2) continue;
    // Counted per folder (one outlet or one incident) only: a line of one outlet's capture must
    // not turn into chrome because captures of other outlets were added to the site.
    const needed = long[unique] === 0 ? 2 : 3;
    const inOneFolder = [...entry.folders.values()].some((files) => files.size >= needed);
    if (inOneFolder && (long[unique] === 0 || entry.clusters.size >= 3)) chrome.add(unique);
  }
  return chrome;
}
