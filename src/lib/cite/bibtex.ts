import { Cite } from "@citation-js/core";
// The plugin registers the BibTeX formats on the core's registry when first imported.
import "@citation-js/plugin-bibtex";
import type { CslItem } from "./csl.ts";

/** A BibTeX entry as citation-js gives it (`format: "object"`): field values already escaped. */
interface BibtexEntry {
  /** Entry type (`techreport`). */
  type: string;
  /** Citation key. */
  label: string;
  /** Field values, LaTeX-escaped, in citation-js's order. */
  properties: Record<string, string>;
}

/** A CSL date's first day as `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when less is known). */
function isoDay(parts: readonly number[]): string {
  const [year = 0, ...rest] = parts;
  return [String(year).padStart(4, "0"), ...rest.map((part) => String(part).padStart(2, "0"))].join(
    "-",
  );
}

/**
 * A `@techreport` entry that BibTeX and BibLaTeX (Biber) both read. citation-js writes the day into
 * the legacy `month` field (`month = {nov 1}`): BibLaTeX's month is an integer field (Biber
 * warns "not an integer") and BibTeX styles print no day. The entry gives the whole day in
 * BibLaTeX's `date` field instead and keeps `year` for classical BibTeX, as the biblatex manual
 * advises ("Year, Month and Date": prefer `date` unless the file must also work with BibTeX).
 * Biber takes `date` over `year` without a warning, and so does Zotero's BibTeX import
 * (zotero/translators `BibTeX.js`: "If they do, we pick date").
 */
export function bibtexEntry(csl: CslItem & { note?: string }): string {
  const [entry] = new Cite(csl).format("bibtex", { format: "object" }) as unknown as BibtexEntry[];
  if (entry === undefined) throw new Error(`citation-js made no BibTeX entry for ${csl.id}`);
  const fields: [string, string][] = [];
  for (const [field, value] of Object.entries(entry.properties)) {
    if (field === "month") continue;
    fields.push([field, value]);
    if (field === "year") fields.push(["date", isoDay(csl.issued["date-parts"][0])]);
  }
  const body = fields.map(([field, value]) => `\t${field} = {${value}},\n`).join("");
  return `@${entry.type}{${entry.label},\n${body}}\n`;
}
