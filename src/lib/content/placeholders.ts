import type { CasefileProblem } from "../errors.ts";
import type { Incident } from "../../schemas/incident.ts";

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

/** A warning for each scaffold placeholder still in an incident's frontmatter. */
export function placeholderWarnings(
  file: string,
  incident: Pick<Incident, "summary" | "authors" | "countries">,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): (CasefileProblem & { rule: string })[] {
  const found: { path: (string | number)[]; value: string; hint: string }[] = [];
  if (incident.summary === scaffoldPlaceholders.summary)
    found.push({
      path: ["summary"],
      value: incident.summary,
      hint: "write one or two sentences on the incident",
    });
  incident.authors.forEach((author, index) => {
    if (author === scaffoldPlaceholders.author)
      found.push({
        path: ["authors", index],
        value: author,
        hint: "name the people who wrote the dossier",
      });
  });
  incident.countries.forEach((country, index) => {
    if (country === scaffoldPlaceholders.country)
      found.push({
        path: ["countries", index],
        value: country,
        hint: "give the ISO 3166-1 alpha-2 code of the country concerned, e.g. VE",
      });
  });
  return found
    .map(({ path, value, hint }) => ({
      file,
      line: lineOf(path),
      field: path
        .map((part, index) =>
          typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`,
        )
        .join(""),
      message: `still the placeholder "${value}" that npm run new wrote`,
      hint,
      rule: "placeholder",
    }))
    .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
