import type { CasefileProblem } from "../errors.ts";
import type { Incident } from "../../schemas/incident.ts";
import { fieldPath } from "./validate.ts";

/**
 * The values `npm run new` writes into a new incident for the author to replace. They pass the
 * schema (so a fresh scaffold builds), which is why `check` warns while any is left: published,
 * they would read as facts ("United Nations" as the country, "Your Name" as the author).
 */
export const scaffoldPlaceholders = {
  /** The summary line. */
  summary:
    "One or two sentences for lists, feeds and citations: what happened, to whom, who says so.",
  /** The one author. */
  author: "Your Name",
  /** The country code when `--country` is not given (not a country: reserved in ISO 3166-1). */
  country: "UN",
} as const;

/** The frontmatter fields `npm run new` fills with a placeholder, and how to replace each. */
const placeholderFields = [
  {
    field: "summary",
    placeholder: scaffoldPlaceholders.summary,
    hint: "write one or two sentences on the incident",
  },
  {
    field: "countries",
    placeholder: scaffoldPlaceholders.country,
    hint: "give the ISO 3166-1 alpha-2 code of the country concerned, e.g. VE",
  },
  {
    field: "authors",
    placeholder: scaffoldPlaceholders.author,
    hint: "name the people who wrote the dossier",
  },
] as const;

/** A warning for each scaffold placeholder still in an incident's frontmatter, in line order. */
export function placeholderWarnings(
  file: string,
  incident: Pick<Incident, (typeof placeholderFields)[number]["field"]>,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): (CasefileProblem & { rule: string })[] {
  return placeholderFields
    .flatMap(({ field, placeholder, hint }) => {
      const value = incident[field];
      const paths = Array.isArray(value)
        ? value.flatMap((item, index) => (item === placeholder ? [[field, index]] : []))
        : value === placeholder
          ? [[field]]
          : [];
      return paths.map((path) => ({
        file,
        line: lineOf(path),
        field: fieldPath(path),
        message: `still the placeholder "${placeholder}" that npm run new wrote`,
        hint,
        rule: "placeholder",
      }));
    })
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
