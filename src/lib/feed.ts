import type { Incident } from "../schemas/incident.ts";
import { citedName, displayName } from "./cite/names.ts";

/** The namespaces the feed's extension elements come from. */
const namespaces = {
  /** Atom, for the channel's link to the feed itself. */
  atom: "http://www.w3.org/2005/Atom",
  /** Dublin Core, for authors named without an e-mail address. */
  dc: "http://purl.org/dc/elements/1.1/",
} as const;

/** One incident of the feed. */
interface FeedIncident {
  /** Its frontmatter. */
  data: Incident;
  /** Absolute URL of its page. */
  url: string;
}

/** What the site's RSS feed is made from. */
export interface FeedInput {
  /** Site name. */
  title: string;
  /** One sentence about the site. */
  description: string;
  /** Absolute URL of the home page. */
  site: string;
  /** Absolute URL of the feed itself (`…/feed.xml`). */
  self: string;
  /** The publishing institution (`dc:publisher`). */
  publisher?: string | undefined;
  /** Language of the write-ups (BCP 47), the channel's `<language>`. */
  language?: string | undefined;
  /** The content's licence, the channel's `<copyright>` notice. */
  license?: { name: string; url: string } | undefined;
  /** The incidents, newest first. */
  incidents: FeedIncident[];
}

/** One item as @astrojs/rss takes it. */
interface FeedItem {
  /** Incident title. */
  title: string;
  /** Incident summary. */
  description: string;
  /** Absolute URL of the incident page (also its guid). */
  link: string;
  /** Publication day, at midnight UTC. */
  pubDate: Date;
  /** Incident types and country codes. */
  categories: string[];
  /** Extra XML: one `dc:creator` per author. */
  customData: string;
}

/** The options @astrojs/rss writes the feed from (a plain object of its `RSSOptions` shape). */
export interface FeedOptions {
  /** Channel title. */
  title: string;
  /** Channel description. */
  description: string;
  /** Channel link. */
  site: string;
  /** Namespaces declared on `<rss>`. */
  xmlns: Record<string, string>;
  /** Extra XML in the channel: the `atom:link` to the feed itself, language, publisher, licence. */
  customData: string;
  /** Items, newest first. */
  items: FeedItem[];
  /** Item links keep their trailing slash. */
  trailingSlash: true;
}

/** Text escaped for XML element content and double-quoted attributes. */
function xml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * The RSS 2.0 feed of incidents. RSS 2.0 defines an item's `<author>` as the author's e-mail
 * address (https://www.rssboard.org/rss-specification#ltauthorgtSubelementOfLtitemgt), which
 * Casefile does not have; the RSS Best Practices Profile names authors without one in
 * `dc:creator`, one element per author, and asks for an `atom:link rel="self"` to the feed's own
 * URL (https://www.rssboard.org/rss-profile#namespace-elements-dublin-creator and
 * #namespace-elements-atom-link), which the W3C feed validator checks for.
 */
export function incidentFeed(input: FeedInput): FeedOptions {
  return {
    title: input.title,
    description: input.description,
    site: input.site,
    xmlns: { ...namespaces },
    customData: [
      `<atom:link href="${xml(input.self)}" rel="self" type="application/rss+xml"/>`,
      input.language === undefined ? "" : `<language>${xml(input.language)}</language>`,
      input.license === undefined
        ? ""
        : `<copyright>${xml(`${input.license.name}: ${input.license.url}`)}</copyright>`,
      input.publisher === undefined ? "" : `<dc:publisher>${xml(input.publisher)}</dc:publisher>`,
    ].join(""),
    items: input.incidents.map(({ data, url }) => ({
      title: data.title,
      description: data.summary,
      link: url,
      pubDate: new Date(`${data.published}T00:00:00Z`),
      categories: [...data.types, ...data.countries],
      customData: data.authors
        .map((author) => `<dc:creator>${xml(displayName(citedName(author)))}</dc:creator>`)
        .join(""),
    })),
    trailingSlash: true,
  };
}
