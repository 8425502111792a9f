import { countryName, words } from "../format.ts";

/** The incident fields the search filters are made from. */
interface Filterable {
  /** ISO 3166-1 alpha-2 codes. */
  countries: string[];
  /** Incident types (`ddos`, `data-leak`, …). */
  types: string[];
  /** When it happened; the year of `start` is filtered on. */
  period: { start: string };
}

/** One filter of the search page: its Pagefind name, its label and its values. */
export interface SearchFilter {
  /** The Pagefind filter name and query parameter. */
  name: "country" | "type" | "year";
  /** The legend shown above the checkboxes. */
  label: string;
  /** Every value, sorted (years newest first). */
  values: string[];
}

/** The Pagefind filter values of one incident page: country names, type words and the start year. */
export function incidentFilters(incident: Filterable): Record<SearchFilter["name"], string[]> {
  return {
    country: incident.countries.map(countryName),
    type: incident.types.map(words),
    year: [incident.period.start.slice(0, 4)],
  };
}

/** The filters of the search page: every value that some incident carries. */
export function searchFilters(incidents: readonly Filterable[]): SearchFilter[] {
  const all = incidents.map(incidentFilters);
  const values = (name: SearchFilter["name"]) =>
    [...new Set(all.flatMap((filters) => filters[name]))].sort();
  return [
    { name: "country", label: "Country", values: values("country") },
    { name: "type", label: "Type", values: values("type") },
    { name: "year", label: "Year", values: values("year").reverse() },
  ];
}
