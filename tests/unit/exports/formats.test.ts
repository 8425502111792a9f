import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { describe, expect, it } from "vitest";
import { incidentCsl } from "../../../src/lib/cite/csl.ts";
import { citationFormats } from "../../../src/lib/cite/formats.ts";
import { validateStix } from "../../../src/lib/cite/stix.ts";
import { exportFormat, exportFormats } from "../../../src/lib/exports/index.ts";
import { input, incidentId } from "./input.ts";

/** The body of one registered export of the minimal site's incident. */
function body(file: string): string {
  const format = exportFormat(file);
  if (!format) throw new Error(`no export ${file}`);
  return format.render(input);
}

describe("export bodies", () => {
  it.each(exportFormats.map((format) => format.file))("%s ends in exactly one newline", (file) => {
    expect(body(file)).toMatch(/[^\n]\n$/);
  });

  it("index.json is the incident's record with its links, two-space indented", () => {
    const text = body("index.json");
    const record = JSON.parse(text);
    expect(record).toMatchObject({
      id: incidentId,
      url: `https://example.org/incidents/${incidentId}/`,
    });
    expect(record.links).toEqual(input.links);
    expect(text).toBe(`${JSON.stringify(record, null, 2)}\n`);
  });

  it("sources.json names the incident first, then the scale, sources and claims", () => {
    const json = JSON.parse(body("sources.json"));
    expect(Object.keys(json).slice(0, 4)).toEqual(["incident", "scale", "sources", "claims"]);
    expect(json.incident).toBe(incidentId);
    expect(json.sources.map((source: { id: string }) => source.id)).toEqual(
      input.dossier.sources.map((source) => source.id),
    );
  });

  it("stix.json is a valid STIX 2.1 bundle with a report", () => {
    const bundle = JSON.parse(body("stix.json"));
    expect(validateStix(bundle)).toEqual([]);
    expect(bundle.objects.map((object: { type: string }) => object.type)).toContain("report");
  });

  it("the citation files are the formatted citation, each parsing back to the report", () => {
    const formats = citationFormats(incidentCsl(input.citation));
    expect([body("cite.bib"), body("cite.ris"), body("cite.json")]).toEqual([
      formats.bibtex,
      formats.ris,
      formats.cslJson,
    ]);
    for (const file of ["cite.bib", "cite.ris", "cite.json"]) {
      const [item] = new Cite(body(file)).data as { type: string; title: string }[];
      expect({ file, type: item?.type, title: item?.title }).toEqual({
        file,
        type: "report",
        title: input.dossier.incident.data.title,
      });
    }
  });
});
