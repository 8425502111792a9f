import type { CitationInput } from "./input.ts";
import { dossierGenre } from "./csl.ts";
import { slashDay, versionDay } from "./dates.ts";
import { dublinCoreCreator, highwireAuthor } from "./meta-names.ts";
import { citedName } from "./names.ts";

/** One `<meta>` tag: `name` for Highwire Press and Dublin Core, `property` for Open Graph. */
export interface MetaTag {
  /** The `name` attribute (Highwire Press, Dublin Core); absent on Open Graph tags. */
  name?: string;
  /** The `property` attribute (Open Graph); absent on the others. */
  property?: string;
  /** The `content` attribute. */
  content: string;
}

/** What an incident page's citation meta tags are made from. */
export interface MetaInput extends CitationInput {
  /** Site name for `og:site_name`; the publisher unless set. */
  siteName?: string | undefined;
  /** BCP 47 language of the write-up; `en` unless set. */
  language?: string | undefined;
}

/** Re-exported so a page head takes everything it needs from one module. */
export { jsonLd, jsonLdScript } from "./json-ld.ts";

/**
 * The head meta tags that let reference managers (Zotero, Google Scholar), Dublin Core readers
 * and link previews cite the incident, in a fixed order.
 */
export function citationMeta(input: MetaInput): MetaTag[] {
  const { incident, url, publisher, reportNumber } = input;
  const version = versionDay(incident);
  const names = incident.authors.map(citedName);
  const named = (name: string, content: string): MetaTag => ({ name, content });
  const property = (name: string, content: string): MetaTag => ({ property: name, content });
  return [
    // Highwire Press tags, read by Google Scholar, Zotero and Mendeley. Zotero takes the item type
    // from citation_technical_report_institution (Embedded Metadata translator: "report").
    named("citation_title", incident.title),
    ...names.map((name) => named("citation_author", highwireAuthor(name, names.length === 1))),
    named("citation_publication_date", slashDay(incident.published)),
    named("citation_online_date", slashDay(incident.published)),
    named("citation_technical_report_institution", publisher),
    ...(reportNumber !== undefined && reportNumber !== ""
      ? [named("citation_technical_report_number", reportNumber)]
      : []),
    named("citation_fulltext_html_url", url),
    // Dublin Core.
    named("DC.title", incident.title),
    ...names.map((name) => named("DC.creator", dublinCoreCreator(name))),
    named("DC.date", incident.published),
    named("DC.publisher", publisher),
    named("DC.identifier", url),
    // Zotero copies DC.type into the report's Type field (RDF translator: reportType); DCMI's
    // generic "Text" showed there. The kind of report, as the citation files name it, reads right.
    named("DC.type", dossierGenre),
    named("DC.language", input.language ?? "en"),
    ...(input.license === undefined ? [] : [named("DC.rights", input.license)]),
    // Open Graph, for link previews.
    property("og:title", incident.title),
    property("og:type", "article"),
    property("og:url", url),
    property("og:description", incident.summary),
    property("og:site_name", input.siteName ?? publisher),
    property("article:published_time", incident.published),
    property("article:modified_time", version),
  ];
}
