import { describe, expect, it } from "vitest";
import { validate } from "../../../src/lib/content/validate.ts";
import { incidentSchema } from "../../../src/schemas/incident.ts";

/** A valid incident's frontmatter with these authors. */
const withAuthors = (authors: unknown) => ({
  title: "A title",
  summary: "A summary.",
  period: { start: "2024-07-28", timezone: "America/Caracas" },
  countries: ["VE"],
  types: ["ddos"],
  status: "claimed",
  authors,
  published: "2024-07-30",
});

describe("the authors of an incident", () => {
  it("may be names, groups and persons in parts, mixed", () => {
    const authors = [
      "Jan van der Berg",
      { group: " Forbidden Stories " },
      { given: "Ana María", family: "Pérez González" },
      { given: "Martin Luther", family: "King", suffix: "Jr." },
    ];
    expect(incidentSchema.parse(withAuthors(authors)).authors).toEqual([
      "Jan van der Berg",
      { group: "Forbidden Stories" },
      { given: "Ana María", family: "Pérez González" },
      { given: "Martin Luther", family: "King", suffix: "Jr." },
    ]);
  });

  it("refuses anything else with a hint showing the three forms", () => {
    const result = validate(
      incidentSchema,
      withAuthors(["Jan van der Berg", { name: "Casefile" }]),
      "content/incidents/x.mdx",
      () => 12,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          file: "content/incidents/x.mdx",
          line: 12,
          field: "authors[1]",
          message:
            '{"name":"Casefile"} is not an author (expected a name, { group: name } or { given: names, family: name })',
          hint: "write a name (Ana María Pérez, or Pérez González, Ana María), { group: Team name } for a group, or { given: Ana María, family: Pérez González }",
        },
      ],
    });
  });
});
