import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  exportFormat,
  exportFormats,
  exportLinks,
  incidentLinks,
} from "../../../src/lib/exports/index.ts";
import { absolute, incidentId } from "./input.ts";

/** The exports published before the registry, in page order; they stay, with their labels. */
const published = ["index.json", "sources.json", "stix.json", "cite.bib", "cite.ris", "cite.json"];

/** The entries of a list whose format is one of the published ones (new formats may follow). */
function publishedOnly<T>(entries: T[], file: (entry: T) => string): T[] {
  return entries.filter((entry) => published.includes(file(entry)));
}

describe("the export registry", () => {
  it("still lists the published exports, in page order", () => {
    expect(
      publishedOnly(
        exportFormats.map((format) => format.file),
        String,
      ),
    ).toEqual(published);
  });

  it("gives every format its own file, label and link key, and a media type", () => {
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    expect(unique(exportFormats.map((format) => format.file))).toBe(true);
    expect(unique(exportFormats.map((format) => format.label))).toBe(true);
    const links = exportFormats.flatMap((format) => format.link ?? []);
    expect(unique([...links, "report"])).toBe(true);
    for (const format of exportFormats) {
      expect(format.file).toMatch(/^[a-z0-9-]+(\.[a-z0-9]+)+$/);
      expect(format.type).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
    }
  });

  it("registers every file in src/lib/exports/formats/", () => {
    const files = readdirSync(new URL("../../../src/lib/exports/formats/", import.meta.url));
    expect(files.length).toBe(exportFormats.length);
  });

  it("keys citation files by the frontmatter and the other exports by the incident's data", () => {
    expect(
      Object.fromEntries(exportFormats.map((format) => [format.file, format.cacheKey])),
    ).toMatchObject({
      "index.json": "incidentData",
      "sources.json": "incidentData",
      "stix.json": "incidentData",
      "cite.bib": "citation",
      "cite.ris": "citation",
      "cite.json": "citation",
    });
  });

  it("finds a format by its file name, and nothing for another name", () => {
    expect(exportFormat("stix.json")?.label).toBe("STIX 2.1 bundle");
    expect(exportFormat("sources")).toBeUndefined();
  });
});

describe("exportLinks", () => {
  it("links the data exports under the incident's folder with the page's link texts", () => {
    const links = exportLinks("data", incidentId, (path) => `/base${path}`);
    expect(
      publishedOnly(links, (link) => link.format.file).map((link) => [
        link.format.label,
        link.href,
      ]),
    ).toEqual([
      ["Incident facts (JSON)", `/base/incidents/${incidentId}/index.json`],
      ["Sources, grades, claims and origins (JSON)", `/base/incidents/${incidentId}/sources.json`],
      ["STIX 2.1 bundle", `/base/incidents/${incidentId}/stix.json`],
    ]);
  });

  it("puts the citation files in the citation section", () => {
    const links = exportLinks("citation", incidentId, String);
    expect(
      publishedOnly(links, (link) => link.format.file).map((link) => link.format.label),
    ).toEqual(["BibTeX", "RIS", "CSL-JSON"]);
  });
});

describe("incidentLinks", () => {
  it("keeps the published keys and their order, with the report after sources", () => {
    const base = `https://example.org/incidents/${incidentId}/`;
    expect(Object.entries(incidentLinks(incidentId, absolute)).slice(0, 6)).toEqual([
      ["sources", `${base}sources.json`],
      ["report", `${base}sources/`],
      ["stix", `${base}stix.json`],
      ["bibtex", `${base}cite.bib`],
      ["ris", `${base}cite.ris`],
      ["csl", `${base}cite.json`],
    ]);
  });
});
