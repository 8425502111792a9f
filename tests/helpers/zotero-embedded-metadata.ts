/**
 * What Zotero saves from the head of a page it reads with its Embedded Metadata translator, for
 * the tags an incident page has. Written for these tests after reading the translator and the code
 * it calls (none of it is copied): zotero/translators `Embedded Metadata.js` (item type from the
 * Highwire tags, `processHighwireCreators`, `fixCase`) and `RDF.js` (Dublin Core `type` into the
 * report's Type), zotero/utilities `cleanAuthor` and `itemToAPIJSON` (how the translation server
 * writes creators). Only the paths a Casefile page takes are here: no COinS, no byline guessing,
 * no Spanish-name rule (it needs `citation_language` = es, which the pages do not write).
 */

/** One `<meta>` of a head: its `name` (or `property`) and `content`, entities decoded. */
interface MetaTag {
  name: string;
  content: string;
}

/** A creator as the translation server returns it: two fields, or one for an institution. */
type ZoteroCreator =
  | { creatorType: string; firstName: string; lastName: string }
  | { creatorType: string; name: string };

/** The fields of the saved item these tests look at. */
export interface ZoteroItem {
  /** Zotero item type (`report`, `journalArticle`, `webpage`). */
  itemType: string | undefined;
  /** Authors, in page order. */
  creators: ZoteroCreator[];
  /** A report's "Type" field. */
  reportType: string | undefined;
  /** A report's "Report Number". */
  reportNumber: string | undefined;
  /** A report's "Institution". */
  institution: string | undefined;
  /** Date as the page gives it. */
  date: string | undefined;
  /** Title. */
  title: string | undefined;
}

/** Decodes the character references an HTML serializer writes in attribute values. */
function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|lt|gt|apos|nbsp);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    const named: Record<string, string> = {
      amp: "&",
      quot: '"',
      lt: "<",
      gt: ">",
      apos: "'",
      nbsp: "\u00a0",
    };
    return named[lower] ?? `&${ref};`;
  });
}

/** The `<meta>` tags of a page or head with a name or property and a content, in order. */
function metaTags(html: string): MetaTag[] {
  const head = /<head\b[\s\S]*?<\/head>/i.exec(html)?.[0] ?? html;
  const tags: MetaTag[] = [];
  // Quoted attribute values may hold ">".
  for (const [element] of head.matchAll(/<meta\b(?:[^>"]|"[^"]*")*>/gi)) {
    const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`, "i").exec(element)?.[1];
    const name = attribute("name") ?? attribute("property");
    const content = attribute("content");
    if (name && content) tags.push({ name: decode(name), content: decode(content) });
  }
  return tags;
}

/** Namespace prefixes the translator hands to its RDF reader instead of treating as Highwire. */
const rdfPrefixes = new Set(["bib", "bibo", "dc", "dcterms", "prism", "foaf", "og", "article"]);

/** The item type a Highwire tag implies; `guess` types yield to any sure one. */
const highwireTypes: Record<string, { type: string; guess?: true }> = {
  citation_journal_title: { type: "journalArticle" },
  citation_technical_report_institution: { type: "report" },
  citation_conference_title: { type: "conferencePaper" },
  citation_conference: { type: "conferencePaper" },
  citation_book_title: { type: "bookSection" },
  citation_inbook_title: { type: "bookSection" },
  citation_dissertation_institution: { type: "thesis" },
  citation_title: { type: "journalArticle", guess: true },
  citation_series_title: { type: "journalArticle", guess: true },
};

/** The tag's namespace prefix when it is one the RDF reader takes (`DC.type` → `dc`). */
function rdfPrefix(tag: string): string | undefined {
  const parts = tag.split(/[.:_]/);
  const second = parts.length > 2 ? parts[1]?.toLowerCase() : undefined;
  if (second !== undefined && rdfPrefixes.has(second)) return second;
  const first = parts[0]?.toLowerCase() ?? "";
  return rdfPrefixes.has(first) ? first : undefined;
}

/** The item type: a sure Highwire type, else a guessed one, else a web page when RDF tags exist. */
function itemType(tags: MetaTag[]): string | undefined {
  let sure: string | undefined;
  let guess: string | undefined;
  let rdf = false;
  for (const tag of tags) {
    for (const name of tag.name.split(/\s+/)) {
      if (rdfPrefix(name) !== undefined) {
        rdf = true;
        continue;
      }
      const implied = highwireTypes[name.slice(name.lastIndexOf("citation_"))];
      if (implied === undefined) continue;
      if (implied.guess) guess ??= implied.type;
      else sure = implied.type;
    }
  }
  return sure ?? guess ?? (rdf ? "webpage" : undefined);
}

/** First and last name, as Zotero's `cleanAuthor` splits one author string. */
function splitName(text: string, inverted: boolean): { first: string; last: string } {
  const edge = /[\s\u00a0.,/[\]:]/;
  let name = text;
  while (name !== "" && edge.test(name[0] ?? "")) name = name.slice(1);
  while (name !== "" && edge.test(name.at(-1) ?? "")) name = name.slice(0, -1);
  // Only the first run of white space becomes one plain space.
  name = name.replace(/[\s\u00a0]+/, " ");
  let first = "";
  let last = name;
  if (inverted) {
    const parts = name.replace(/\.([^ ])/, ". $1").split(/[,،] ?/);
    if (parts.length > 1) [last = "", first = ""] = parts;
  } else {
    // The family name is the last space-separated word that starts with a letter.
    let space = name.length;
    do {
      space = name.lastIndexOf(" ", space - 1);
      last = name.slice(space + 1);
      first = space < 0 ? "" : name.slice(0, space);
    } while (!/^\p{L}/u.test(last) && space > 0);
  }
  return { first: tidyGivenNames(first, last), last };
}

/** Given names as `cleanAuthor` leaves them: words joined by one space, initials with a period. */
function tidyGivenNames(first: string, last: string): string {
  if (first === "") return "";
  const capitals = /^[A-Z\u0400-\u042f]+$/;
  let given = first;
  // Up to three capitals alone ("JR") are initials, unless the family name is in capitals too.
  if (
    capitals.test(given) &&
    given.length < 4 &&
    (given.length === 1 || last.toUpperCase() !== last)
  )
    given = given.split("").join(" "); // capitals only: one code unit each
  const words = given
    .replace(/^[\s.]+/, "")
    .replace(/[\s,]+$/, "")
    .replace(/\s*([\u002d\u00ad\u2010-\u2015\u2212\u2e3a\u2e3b])\s*/, "-")
    .split(/[\s.]+|(?=-)/);
  return words
    .map((word) => (/^-?[A-Z\u0400-\u042f]$/.test(word) ? `${word}.` : word))
    .join(" ")
    .replace(/ -/g, "-")
    .trim();
}

/** A name in capitals or in lower case only, capitalised word by word (Zotero's `fixCase`). */
function fixCase(name: string): string {
  if (name !== name.toUpperCase() && name !== name.toLowerCase()) return name;
  return name
    .toLowerCase()
    .replace(
      /(^|[\s-])(\p{L})/gu,
      (_, before: string, letter: string) => before + letter.toUpperCase(),
    );
}

/** The creators Zotero makes from the contents of the `citation_author` tags. */
function highwireCreators(contents: string[]): ZoteroCreator[] {
  const creators: ZoteroCreator[] = [];
  let previous: string | undefined;
  for (const content of contents) {
    let names = content.split(/\s*;\s*/);
    // A single tag holding one entry may be a comma-separated list: it is taken as one when the
    // text before and after the first comma both have a space.
    if (names.length === 1 && contents.length === 1) {
      const byComma = (names[0] ?? "").split(/\s*,\s*/);
      if (byComma.length > 1 && byComma[0]?.includes(" ") && byComma[1]?.includes(" "))
        names = byComma;
    }
    for (const raw of names) {
      const name = raw.trim();
      if (!/[^\s,\-.;]/.test(name) || name === previous) continue;
      previous = name;
      const { first, last } = splitName(name, name.includes(","));
      // The translation server writes a creator without a first name as a single field.
      creators.push(
        first === ""
          ? { creatorType: "author", name: last }
          : { creatorType: "author", firstName: fixCase(first), lastName: fixCase(last) },
      );
    }
  }
  return creators;
}

/** What Zotero would save from a page whose head holds these tags. */
export function zoteroItem(html: string): ZoteroItem {
  const tags = metaTags(html);
  // Tags are matched on how their name ends (`name$=`), first match wins.
  const endingIn = (suffix: string) => tags.filter((tag) => tag.name.endsWith(suffix));
  const first = (suffix: string) => endingIn(suffix)[0]?.content.trim();
  const authors = endingIn("citation_author");
  const contents = (authors.length > 0 ? authors : endingIn("citation_authors")).map(
    (tag) => tag.content,
  );
  // The RDF reader copies the first Dublin Core type into every "type" field, the report's included.
  const dcType = tags.find(
    (tag) => ["dc", "dcterms"].includes(rdfPrefix(tag.name) ?? "") && /[.:]type$/i.test(tag.name),
  );
  return {
    itemType: itemType(tags),
    creators: highwireCreators(contents),
    reportType: dcType?.content,
    reportNumber: first("citation_technical_report_number"),
    institution: first("citation_technical_report_institution"),
    date: first("citation_publication_date") ?? first("citation_date"),
    title: first("citation_title"),
  };
}
