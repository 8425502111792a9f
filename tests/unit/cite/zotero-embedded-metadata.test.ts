import { describe, expect, it } from "vitest";
import { citationMeta, type MetaTag } from "../../../src/lib/cite/meta.ts";
import { incidentSchema } from "../../../src/schemas/incident.ts";
import { zoteroItem } from "../../helpers/zotero-embedded-metadata.ts";
import { input } from "./sample.ts";

/** Escapes an attribute value as Astro writes it. */
function attribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** The head of an incident page with these authors, its meta tags written as CitationHead writes them. */
function pageHead(authors: unknown[]): string {
  const incident = incidentSchema.parse({ ...rawIncident, authors });
  const tags = citationMeta({ ...input, incident }).map((tag: MetaTag) =>
    tag.name === undefined
      ? `<meta property="${tag.property ?? ""}" content="${attribute(tag.content)}">`
      : `<meta name="${tag.name}" content="${attribute(tag.content)}">`,
  );
  return `<html><head><meta charset="utf-8">${tags.join("")}</head><body></body></html>`;
}

/** The sample incident's frontmatter, authors aside. */
const rawIncident = {
  title: input.incident.title,
  summary: input.incident.summary,
  period: input.incident.period,
  countries: input.incident.countries,
  types: input.incident.types,
  status: input.incident.status,
  published: input.incident.published,
};

describe("what Zotero's Embedded Metadata translator saves from an incident page", () => {
  it("reproduces the measured fault: a group's name in a plain citation_author becomes a person", () => {
    const head = '<head><meta name="citation_author" content="Casefile sample team"></head>';
    expect(zoteroItem(head).creators).toEqual([
      { creatorType: "author", firstName: "Casefile sample", lastName: "Team" },
    ]);
  });

  it("saves a numbered report of the incident-dossier type from any incident page", () => {
    const item = zoteroItem(pageHead(["Ana María Pérez"]));
    expect(item).toMatchObject({
      itemType: "report",
      reportType: "Incident dossier",
      reportNumber: "CF-2024-07",
      institution: "Casefile Research",
      date: "2024/07/30",
      title: input.incident.title,
    });
  });

  it("saves a personal author as given and family names, particles and double surnames kept", () => {
    expect(zoteroItem(pageHead(["Ana María Pérez"])).creators).toEqual([
      { creatorType: "author", firstName: "Ana María", lastName: "Pérez" },
    ]);
    expect(zoteroItem(pageHead(["Jan van der Berg"])).creators).toEqual([
      { creatorType: "author", firstName: "Jan", lastName: "van der Berg" },
    ]);
    // Alone on the page, "Pérez González, Ana María" would be read as a list of two people.
    expect(
      zoteroItem(pageHead([{ given: "Ana María", family: "Pérez González" }])).creators,
    ).toEqual([{ creatorType: "author", firstName: "Ana María", lastName: "Pérez González" }]);
    expect(zoteroItem(pageHead(["Pérez González, Ana María"])).creators).toEqual([
      { creatorType: "author", firstName: "Ana María", lastName: "Pérez González" },
    ]);
  });

  it("saves a group author as one single-field name", () => {
    expect(zoteroItem(pageHead(["Casefile sample team"])).creators).toEqual([
      { creatorType: "author", name: "Casefile sample team" },
    ]);
    // A group the name parser would take for a person, marked as a group in the frontmatter.
    expect(zoteroItem(pageHead([{ group: "Forbidden Stories" }])).creators).toEqual([
      { creatorType: "author", name: "Forbidden Stories" },
    ]);
  });

  it("saves persons and groups of one page each in their own form, in order", () => {
    const head = pageHead([
      "Jan van der Berg",
      { group: "Digital Forensic Lab" },
      { given: "Ana María", family: "Pérez González" },
      "Casefile sample team",
    ]);
    expect(zoteroItem(head)).toMatchObject({
      itemType: "report",
      creators: [
        { creatorType: "author", firstName: "Jan", lastName: "van der Berg" },
        { creatorType: "author", name: "Digital Forensic Lab" },
        { creatorType: "author", firstName: "Ana María", lastName: "Pérez González" },
        { creatorType: "author", name: "Casefile sample team" },
      ],
    });
  });
});
