import type { CslName } from "./names.ts";

/**
 * An author's name as the content of a `citation_author` tag (Highwire Press), the tag Google
 * Scholar, Zotero and Mendeley read authors from; `alone` when it is the page's only author tag.
 *
 * Google Scholar takes `Smith, John` or `John Smith`
 * (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing) and Mendeley's guide for
 * publishers writes `Lee, Jin Hyung`, so a person is written family name first: that is the form
 * Zotero splits where we mean it to. Zotero's Embedded Metadata translator
 * (zotero/translators, `processHighwireCreators`) passes each tag to `ZU.cleanAuthor`, which
 * splits a name with a comma at the comma, and a name without one at its last space (so
 * `Jan van der Berg` would lose `van der` to the given name, and a group `Casefile sample team`
 * became the person "Casefile sample" "Team").
 *
 * A group is written with a trailing comma, `Casefile sample team,`: `cleanAuthor` strips the comma
 * and, finding nothing after it, leaves no given name, and Zotero saves a creator without a given
 * name as a single-field (institutional) name (zotero/utilities, `itemToAPIJSON`). Readers of
 * `Family, Given` see a family name with no given name. A comma or semicolon inside a group's name
 * still splits it in Zotero: nothing in the tag can prevent that.
 */
export function highwireAuthor(name: CslName, alone: boolean): string {
  if ("literal" in name) return `${name.literal},`;
  const suffix = name.suffix === undefined ? "" : `, ${name.suffix}`;
  // A page's only tag is split at its commas as a list of authors when the text on both sides of
  // the comma has a space ("Pérez González, Ana María" would become two people). No-break spaces
  // in the given names hide them from that test, and `cleanAuthor` splits given names at any
  // white space and joins them with plain spaces, so Zotero still saves "Ana María".
  const given =
    alone && name.family.includes(" ") ? name.given.replaceAll(" ", "\u00a0") : name.given;
  return `${name.family}, ${given}${suffix}`;
}

/**
 * An author's name as the content of a `DC.creator` tag: a person family name first, as DCMI's
 * "Using Dublin Core" recommends for personal names, a group under its whole name. Zotero reads
 * these only on pages without `citation_author` tags.
 */
export function dublinCoreCreator(name: CslName): string {
  if ("literal" in name) return name.literal;
  const suffix = name.suffix === undefined ? "" : `, ${name.suffix}`;
  return `${name.family}, ${name.given}${suffix}`;
}
