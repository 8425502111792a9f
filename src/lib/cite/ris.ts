import type { CslItem } from "./csl.ts";
import type { CslName } from "./names.ts";

/**
 * An author as an RIS `AU` line names them: `Family, Given, Suffix` as the RIS specification
 * wants, a group under its whole name. Zotero's RIS import (zotero/translators `RIS.js`) splits an
 * `AU` at its first comma and saves a name without one as a single-field (institutional) name.
 */
function risName(name: CslName): string {
  if ("literal" in name) return name.literal;
  return [name.family, name.given, name.suffix].filter((part) => part !== undefined).join(", ");
}

/** A date as RIS writes it: `YYYY/MM/DD/`, month and day in two digits, slashes kept. */
function risDate(parts: readonly number[]): string {
  const [year = 0, month, day] = parts;
  const two = (part: number | undefined) =>
    part === undefined ? "" : String(part).padStart(2, "0");
  return `${String(year).padStart(4, "0")}/${two(month)}/${two(day)}/`;
}

/** One tag line: RIS has one line per value, so white space (newlines included) is collapsed. */
function line(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s+/g, " ").trim()}\n`;
}

/**
 * The incident's RIS `RPRT` record, one line per tag (RIS allows long lines; readers join folded
 * ones with a space). Tags as Zotero's RIS import reads them for a report: `PB` is the
 * institution, `SN` the report number, `M3` the report type. `DA` is `YYYY/MM/DD/` with a
 * two-digit day, as the RIS specification writes dates (citation-js wrote `2026/11/1/`).
 *
 * `ID` is the whole incident id. Reference Manager's specification allowed 20 characters, and
 * citation-js cuts to that (`2024-venezuela-cne-e`), so two incidents could share an id; Zotero
 * ignores `ID` (RIS.js maps it to `__ignore`) and citation-js reads it whole as the item's id, so
 * the unique id is written in full.
 */
export function risRecord(csl: CslItem & { note?: string }): string {
  const [year] = csl.issued["date-parts"][0];
  const lines = [
    line("TY", "RPRT"),
    line("ID", csl.id),
    line("TI", csl.title),
    ...csl.author.map((name) => line("AU", risName(name))),
    line("PY", String(year).padStart(4, "0")),
    line("DA", risDate(csl.issued["date-parts"][0])),
    line("PB", csl.publisher),
    ...(csl.number === undefined ? [] : [line("SN", csl.number)]),
    line("M3", csl.genre),
    line("UR", csl.URL),
    line("AB", csl.abstract),
    ...(csl.note === undefined ? [] : [line("N1", csl.note)]),
    // The record ends with "ER", two spaces, a hyphen and a space.
    "ER  - \n",
  ];
  return lines.join("");
}
