/**
 * Boilerplate is labelled, never deleted: each rule names a kind of page chrome that survives a
 * copy-and-paste, and gives the reason a reader sees in the processing report. The rules describe
 * the genre (navigation, share buttons, photo credits…), not particular sites. A last,
 * statistical rule (`recurring-chrome`) is applied across the corpus in `index.ts`.
 */
import { isHeadlineShaped, isProse, isQuestion } from "./roles.ts";
import { foldedStart } from "./normalise.ts";
import { keyOf, type Block } from "./segment.ts";

/** What a rule can see about one paragraph: its text and its place in the article. */
export interface LineContext {
  /** Display text, trimmed. */
  text: string;
  /** Normalised comparison form (only for paragraphs with a caption text, else maybe ""). */
  key: string;
  /** Word count. */
  words: number;
  /** True for a separator line. */
  separator: boolean;
  /** Position among the article's paragraphs, from 0. */
  index: number;
  /** The article's paragraphs (trimmed display text). */
  lines: readonly string[];
  /** The article's paragraphs, normalised (those with a caption text, else maybe ""). */
  keys: readonly string[];
  /** Index of the article's first prose paragraph (lines.length if none). */
  firstProse: number;
  /** Index of the article's last prose paragraph (-1 if none). */
  lastProse: number;
  /** Caption text (bullet and credit removed) of lines near a bulleted or credited line. */
  captions: readonly (string | undefined)[];
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
}

const BULLET = /^[•·▪●◦‣*+-]\s*/u;
const SOCIAL =
  /^(?:[•·▪●◦‣*+-]\s*)?(?:facebook|twitter|x|google\s*\+|google plus|instagram|youtube|telegram|whatsapp|linkedin|reddit|vk|vkontakte|tiktok|pinterest|tumblr|mastodon|bluesky|threads|flipboard|odnoklassniki|weibo|wechat|rss|e-?mail|print|copy link)$/i;
const SHARE =
  /^(?:share(?: this)?(?: article| story| post| page| on \w+)?|tweet|like|comments?|\d+ comments?|(?:post|article|story) with (?:no|\d+) comments?|no comments|post a comment|leave a (?:comment|reply)|add (?:a )?comment|show comments|view comments|subscribe(?: now)?|follow us(?: on \w+)?|newer post|older post|home|back to top|print(?: this)?(?: article)?)[.:!]?$/i;
const LINK_RESIDUE =
  /^(?:source|sources|link|links|here|click here|via|original|archived?|video|watch|listen|more|continue reading|read on)[.:]?$/i;
const URL_LINE = /^<?\s*(?:https?:\/\/\S+|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/\S*)?)\s*>?$/i;
const DOMAIN =
  /(?:https?:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|info|io|tv|ru|ir|ve|bo|cn|news|media|co|uk|es|de|fr)\b)/i;
const CREDIT =
  /(?:\((?:photos?|images?|pictures?|fotos?|foto|credit|file photo|screenshot)\s*(?:by|:|credit:)[^)]*\)[\s.]*|\((?:via|source:?)\s+[^)]{1,40}\)[\s.]*|\|\s*(?:photos?|images?|fotos?|credit|source|screenshot)\s*:[^|]*)$/i;
const VIA_CREDIT = /\((?:via|source:?)\s+[^)]{1,40}\)[\s.]*$/i;
const CREDIT_START = /^(?:photos?|images?|credit|photo credit|picture)\s*:/i;
const IMAGE_LABEL = /^\|?\s*\d+\s*\|\s*[^|]{0,40}\|?$/;
const READ_MORE =
  /^(?:read (?:more|also)|also read|see also|related(?: articles?| stories| news| content)?|more on this(?: story| topic)?|recommended(?: for you)?|you may also like|most read)\s*[:>»…-]/i;
const ALTERNATE =
  /(?:alternat\w+ (?:address|domain|url|link|site|mirror)s?|mirror (?:site|address)|(?:also|still) be (?:reached|accessed|found|visited|read)|(?:also|still) (?:available|accessible) (?:at|on|via))/i;
const TV_APPS =
  /(?:smart ?tvs?|apple tv|android tv|roku|fire ?tv|app ?store|google play|tv apps?|mobile apps?|download (?:our|the) app)/i;
const EMBED =
  /^(?:please )?(?:click|tap|press)\b.{0,40}\b(?:link|here|below|button)\b.{0,40}\b(?:listen|watch|view|play|download|hear)\b/i;
/** Cheap tests run before the costlier patterns below (most lines fail them). */
const ALTERNATE_HINT = /alternat|mirror|also|still/i;
const TRAIL_MARK = /[>›»/\\|]/;
const BREADCRUMB =
  /^[\p{L}][\p{L}\p{N} .'&-]{0,28}(?:\s*(?:>|›|»|\/|\\|\|)\s*[\p{L}][\p{L}\p{N} .'&-]{0,28}){1,4}$/u;
const NAME_WORD = /^[\p{Lu}][\p{L}'.-]*$/u;

/** The longest paragraph (in words) a rule reads the normalised key of. */
const KEYED_WORDS = 60;

/** How far apart (in paragraphs) two copies of one caption may be. */
const CAPTION_WINDOW = 4;

/** True for text that may carry a photo credit (cheap test before the credit pattern). */
function mayHaveCredit(text: string): boolean {
  return text.includes("(") || text.includes("|");
}

/** True for a key that starts with a bullet or ends with a photo credit. */
function isCaptionMark(key: string): boolean {
  return BULLET.test(key) || (mayHaveCredit(key) && CREDIT.test(key));
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

/** Strips a leading bullet and a trailing photo credit, to compare caption copies. */
function captionCore(key: string): string {
  return key
    .replace(BULLET, "")
    .replace(CREDIT, "")
    .replace(/[\s|.]+$/, "")
    .trim();
}

/** True when most words of a short line are capitalised, as in a headline or a name. */
function titleCased(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => word.length >= 4);
  if (words.length < 2) return false;
  return words.filter((word) => /^[\p{Lu}\d"'“‘]/u.test(word)).length >= words.length * 0.7;
}

/** The boilerplate rules, tried in order; the first that matches labels the paragraph. */
export const boilerplateRules = [
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
      line.index < line.firstProse && TRAIL_MARK.test(line.text) && BREADCRUMB.test(line.text),
    reason: "a breadcrumb trail (section > sub-section)",
  },
  {
    name: "photo-credit",
    maxWords: 80,
    // "(Via AFP)" also ends quoted prose, so only short paragraphs count as captions by it.
    test: (line) =>
      (mayHaveCredit(line.text) &&
        CREDIT.test(line.text) &&
        (line.words <= 40 || !VIA_CREDIT.test(line.text))) ||
      (line.words <= 40 && CREDIT_START.test(line.text)),
    reason: "a photo caption or credit",
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
      ALTERNATE_HINT.test(line.text) && ALTERNATE.test(line.text) && DOMAIN.test(line.text),
    reason: "a footer listing the site's alternate addresses",
  },
  {
    name: "tv-apps",
    maxWords: 40,
    test: (line) => !isProse(line.text) && TV_APPS.test(line.text),
    reason: "a footer advertising the outlet's TV or mobile apps",
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
    test: (line) => {
      const core = line.captions[line.index];
      if (core === undefined || core.length < 12 || isQuestion(line.text)) return false;
      for (
        let j = Math.max(0, line.index - CAPTION_WINDOW);
        j <= line.index + CAPTION_WINDOW;
        j++
      ) {
        if (j !== line.index && line.captions[j] === core && line.keys[j] !== line.key) return true;
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
      const before = line.lines[line.index - 1] ?? "";
      const after = line.lines[line.index + 1] ?? "";
      return (
        line.words >= 4 &&
        isHeadlineShaped(line.text) &&
        titleCased(line.text) &&
        !/^["“‘']/.test(line.text) &&
        isProse(before) &&
        isProse(after)
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
] as const satisfies readonly BoilerplateRule[];

/** The statistical rule applied across the corpus (see `index.ts`). */
export const recurringChromeRule = {
  name: "recurring-chrome",
  maxWords: 10,
  test: () => false,
  reason: "a short line that recurs in captures of unrelated articles (site chrome)",
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
].map(({ name, reason }) => ({ name, reason }));

/** One shared, frozen label per rule (labels are compared and counted, never changed). */
const ruleLabels: readonly BoilerplateLabel[] = boilerplateRules.map(({ name, reason }) =>
  Object.freeze({ rule: name, reason }),
);

/** The longest paragraph any rule applies to. */
const LONGEST = Math.max(...boilerplateRules.map((rule) => rule.maxWords)) + 1;

/** For each word count (capped), the indices of the rules that apply, in table order. */
const rulesFor: readonly number[][] = Array.from({ length: LONGEST + 1 }, (_, words) =>
  boilerplateRules.flatMap((rule, r) => (words <= rule.maxWords ? [r] : [])),
);

/** Labels an article's paragraphs: the first matching rule for each, or undefined for content. */
export function labelArticle(blocks: readonly Block[]): (BoilerplateLabel | undefined)[] {
  const lines = blocks.map((block) => block.text.trim());
  // Keys only where a caption test needs them (toBlocks may have kept some already).
  const keys = blocks.map((block) => block.key);
  const keyAt = (i: number): string => {
    if (keys[i] === "") keys[i] = keyOf(blocks[i]!);
    return keys[i]!;
  };
  let firstProse = lines.length;
  let lastProse = -1;
  lines.forEach((text, i) => {
    if (isProse(text)) {
      firstProse = Math.min(firstProse, i);
      lastProse = i;
    }
  });
  // Caption copies are only compared near a bulleted or credited line, to keep this linear.
  const marked = blocks.map(
    (block, i) => block.words <= KEYED_WORDS && mayBeCaptionMark(block) && isCaptionMark(keyAt(i)),
  );
  const captions = blocks.map((block, i) => {
    if (block.words > KEYED_WORDS) return undefined;
    for (
      let j = Math.max(0, i - CAPTION_WINDOW);
      j <= Math.min(blocks.length - 1, i + CAPTION_WINDOW);
      j++
    ) {
      if (marked[j]) return captionCore(keyAt(i));
    }
    return undefined;
  });
  // One context object, updated per paragraph: rules are pure tests, and this runs per line.
  const line: LineContext = {
    text: "",
    key: "",
    words: 0,
    separator: false,
    index: 0,
    lines,
    keys,
    firstProse,
    lastProse,
    captions,
  };
  return blocks.map((block, index) => {
    line.text = lines[index]!;
    line.key = keys[index]!;
    line.words = block.words;
    line.separator = block.separator;
    line.index = index;
    for (const r of rulesFor[Math.min(line.words, LONGEST)]!) {
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
}

/** Folder of a capture path ("" at the top). */
function folderOf(file: string): string {
  const slash = file.lastIndexOf("/");
  return slash < 0 ? "" : file.slice(0, slash);
}

/**
 * Distinct short texts that are site chrome by statistics: found in unrelated documents from two
 * captures of one folder (one outlet), or in three captures and three documents anywhere.
 * Copies of one article (syndication) never count, since they are one document.
 */
export function recurringChrome(candidates: readonly ChromeCandidate[]): Set<number> {
  const seen = new Map<
    number,
    { files: Set<string>; clusters: Set<number>; folders: Map<string, Set<string>> }
  >();
  for (const { unique, file, cluster } of candidates) {
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
    const sameOutlet = [...entry.folders.values()].some((files) => files.size >= 2);
    if (sameOutlet || (entry.files.size >= 3 && entry.clusters.size >= 3)) chrome.add(unique);
  }
  return chrome;
}
