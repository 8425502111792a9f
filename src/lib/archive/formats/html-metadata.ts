/**
 * What a saved page says about itself: title, address, author and publication date from its
 * schema.org JSON-LD, Open Graph and `<meta>` tags, and the address and time SingleFile noted
 * when it saved the page. schema.org is preferred (it names the article, where `<title>` often
 * adds the site's name), then Open Graph, then plain `<meta>` tags.
 */
import type { PageFacts } from "./html-blocks.ts";
import type { CaptureMetadata } from "./types.ts";

/** schema.org types whose object describes the page's article. */
const ARTICLE_TYPES = new Set([
  "article",
  "newsarticle",
  "reportagenewsarticle",
  "analysisnewsarticle",
  "opinionnewsarticle",
  "backgroundnewsarticle",
  "blogposting",
  "liveblogposting",
  "socialmediaposting",
  "report",
  "scholarlyarticle",
  "techarticle",
  "webpage",
]);

/** Most JSON-LD objects looked at (a page's graph is small; this bounds a hostile one). */
const MAX_OBJECTS = 2000;

/** Longest value kept (a title or a name; anything longer is not one). */
const MAX_VALUE = 2000;

/** `<meta>` names for the author, most specific first. */
const AUTHOR_META = [
  "author",
  "article:author",
  "citation_author",
  "dc.creator",
  "byl",
  "parsely-author",
];

/** `<meta>` names for the publication time, most specific first. */
const PUBLISHED_META = [
  "article:published_time",
  "datepublished",
  "citation_publication_date",
  "dc.date.issued",
  "dc.date",
  "dcterms.created",
  "parsely-pub-date",
  "sailthru.date",
  "pubdate",
  "publish-date",
  "date",
];

/** Metadata while it is gathered: any field may be undefined. */
type Gathered = { [Field in keyof CaptureMetadata]?: string | undefined };

/** The page's metadata from its facts; empty fields are left out. */
export function pageMetadata(facts: PageFacts): CaptureMetadata {
  const article = jsonLdArticle(facts.jsonLd);
  const meta = (name: string): string | undefined => clean(facts.meta.get(name));
  const metadata: Gathered = {
    title: clean(article.title) ?? meta("og:title") ?? meta("twitter:title") ?? clean(facts.title),
    url: clean(facts.canonical) ?? meta("og:url") ?? clean(article.url),
    author: clean(article.author) ?? first(AUTHOR_META.map(meta).filter(notAddress)),
    published: clean(article.published) ?? first(PUBLISHED_META.map(meta)),
    ...singleFile(facts.singleFile),
  };
  return withoutEmpty(metadata);
}

/** The address and time in SingleFile's comment ("url: …", "saved date: …"). */
function singleFile(comment: string | undefined): Gathered {
  if (comment === undefined) return {};
  const url = /^\s*url:\s*(\S+)/m.exec(comment)?.[1];
  const date = /^\s*saved date:\s*(.+?)\s*$/m.exec(comment)?.[1];
  return {
    savedFrom: clean(url),
    savedAt: date === undefined ? undefined : isoTime(date),
    tool: "SingleFile",
  };
}

/**
 * A time as ISO 8601 (UTC) when JavaScript can read it, else as written. SingleFile writes
 * `Date.prototype.toString()`, e.g. "Mon Mar 04 2024 10:31:07 GMT+0100 (Central European
 * Standard Time)": the zone's name in brackets is dropped first.
 */
export function isoTime(text: string): string {
  const bare = text.replace(/\s*\([^()]*\)\s*$/, "").trim();
  const time = Date.parse(bare);
  return Number.isNaN(time) ? text.trim() : new Date(time).toISOString();
}

/** What the page's JSON-LD says of its article (the first object of an article type). */
function jsonLdArticle(scripts: readonly string[]): Gathered {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch {
      continue;
    }
    const found = findArticle(data);
    if (found) {
      return {
        title: text(found["headline"]) ?? text(found["name"]),
        url: text(found["url"]) ?? text(record(found["mainEntityOfPage"])?.["@id"]),
        author: names(found["author"]),
        published: text(found["datePublished"]) ?? text(found["dateCreated"]),
      };
    }
  }
  return {};
}

/** The first object of an article type in a JSON-LD value (breadth first, bounded). */
function findArticle(data: unknown): Record<string, unknown> | undefined {
  const queue: unknown[] = [data];
  let fallback: Record<string, unknown> | undefined;
  for (let i = 0; i < queue.length && i < MAX_OBJECTS; i++) {
    const value = queue[i];
    if (Array.isArray(value)) {
      queue.push(...(value as unknown[]).slice(0, MAX_OBJECTS));
      continue;
    }
    const object = record(value);
    if (!object) continue;
    const types = [object["@type"]].flat().map((type) => String(type).toLowerCase());
    // A WebPage names the page; an article inside it, if any, names the article better.
    if (types.some((type) => ARTICLE_TYPES.has(type))) {
      if (!types.includes("webpage")) return object;
      fallback ??= object;
    }
    if (object["@graph"] !== undefined) queue.push(object["@graph"]);
    if (object["mainEntity"] !== undefined) queue.push(object["mainEntity"]);
  }
  return fallback;
}

/** A value as a plain object, or undefined. */
function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A string value (or a number written as one), or undefined. */
function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : undefined;
}

/** The names of an author value: "Name", { name }, or a list of them, joined with ", ". */
function names(value: unknown): string | undefined {
  const list = [value]
    .flat()
    .slice(0, 20)
    .map((entry) => text(entry) ?? text(record(entry)?.["name"]))
    .filter((name): name is string => name !== undefined && name.trim() !== "");
  return list.length > 0 ? list.join(", ") : undefined;
}

/** True for a value that is not a web address (article:author is often a profile's URL). */
function notAddress(value: string | undefined): boolean {
  return value !== undefined && !/^https?:\/\//i.test(value);
}

/** The first defined value. */
function first(values: readonly (string | undefined)[]): string | undefined {
  return values.find((value) => value !== undefined);
}

/** A trimmed, whitespace-collapsed value, or undefined when empty or implausibly long. */
function clean(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed && trimmed.length <= MAX_VALUE ? trimmed : undefined;
}

/** The metadata without its undefined fields (so that it serialises and compares tidily). */
function withoutEmpty(metadata: Gathered): CaptureMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
}
