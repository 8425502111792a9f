import { Cite } from "@citation-js/core";
// The plugin registers its formats on the core's registry when first imported (once per process).
import "@citation-js/plugin-csl";
import { digest } from "../digest.ts";
import { bibtexEntry } from "./bibtex.ts";
import type { CslItem } from "./csl.ts";
import { risRecord } from "./ris.ts";

/** The downloadable and copyable citations of one incident. */
export interface CitationFormats {
  /** A BibTeX `@techreport` entry that BibLaTeX reads too (`cite.bib`). */
  bibtex: string;
  /** An RIS `RPRT` record (`cite.ris`). */
  ris: string;
  /** CSL-JSON, an array of one item (`cite.json`). */
  cslJson: string;
  /** An APA reference in plain text naming the version, with the access date left to the reader. */
  reference: string;
}

/** Where a reader writes the day they accessed the page. */
const accessedPlaceholder = "[accessed DATE]";

/** Text without leading blank lines and with exactly one trailing newline, as files should end. */
function oneTrailingNewline(text: string): string {
  // Only line breaks are trimmed: an RIS record ends in "ER  - " and its space is part of the tag.
  return `${text.replace(/^[\r\n]+|[\r\n]+$/g, "")}\n`;
}

/**
 * Formats already made in this process, by digest of the CSL item: the incident page and its three
 * citation files format the same item, and citeproc is slow enough for that to show in a build.
 */
const formatted = new Map<string, Readonly<CitationFormats>>();

/**
 * Formats an incident's CSL item as BibTeX, RIS, CSL-JSON and a plain-text APA reference, once per
 * distinct item (the result is frozen: it is shared by every caller).
 */
export function citationFormats(csl: CslItem): Readonly<CitationFormats> {
  const key = digest(csl);
  let formats = formatted.get(key);
  if (!formats) {
    formats = Object.freeze(formatCitations(csl));
    formatted.set(key, formats);
  }
  return formats;
}

/**
 * CSL-JSON with the item's `license` (CSL 1.0.2), which citation-js 0.8 leaves out of its output;
 * written in citation-js's own layout (two-space indent).
 */
function withLicense(cslJson: string, csl: CslItem): string {
  if (csl.license === undefined) return cslJson;
  const items = JSON.parse(cslJson) as Record<string, unknown>[];
  for (const item of items) item["license"] = csl.license;
  return JSON.stringify(items, null, 2);
}

/** The formats of one CSL item. */
function formatCitations(csl: CslItem): CitationFormats {
  // BibTeX and RIS have no version field that citation-js writes; a note carries it instead.
  // (citation-js would fill an empty BibTeX note from `accessed`; the item never has one.)
  const withNote = { ...csl, note: `Version of ${csl.version}` };
  // CSL treats "2024-08-15" as a numeric range and labels it "Versions"; "of 2024-08-15" is text.
  // The APA style also title-cases a report number after each hyphen and reads one that starts
  // with digits as a range ("Nos. 2024-Venezuela-Cne-…"): non-breaking hyphens hide its hyphens
  // from both, and the reference then gets the number back as written.
  const number = csl.number?.replaceAll("-", "\u2011");
  const forReference = new Cite({
    ...csl,
    version: `of ${csl.version}`,
    ...(number === undefined ? {} : { number }),
  });
  const formatted = forReference
    .format("bibliography", { template: "apa", format: "text", lang: "en-US" })
    .trim();
  // Found without regard to case: the style may still capitalise the number's first letter.
  const at = number === undefined ? -1 : formatted.toLowerCase().indexOf(number.toLowerCase());
  const reference =
    number === undefined || csl.number === undefined || at === -1
      ? formatted
      : formatted.slice(0, at) + csl.number + formatted.slice(at + number.length);
  return {
    bibtex: oneTrailingNewline(bibtexEntry(withNote)),
    ris: oneTrailingNewline(risRecord(withNote)),
    cslJson: oneTrailingNewline(withLicense(new Cite(csl).format("data", { format: "text" }), csl)),
    reference: `${reference} ${accessedPlaceholder}`,
  };
}
