import { describe, expect, it } from "vitest";
import { citationFiles } from "../../../src/lib/exports/citation-files.ts";
import { exportFormat } from "../../../src/lib/exports/index.ts";
import { input, incidentId } from "./input.ts";

describe("citationFiles", () => {
  it("shows each citation export in full under the names and ids the page has always used", () => {
    const files = citationFiles(input, (path) => `/casefile${path}`);
    expect(files.map(({ text: _, ...rest }) => rest)).toEqual([
      {
        name: "BibTeX",
        id: "cite-bibtex",
        file: `/casefile/incidents/${incidentId}/cite.bib`,
        download: "cite.bib",
      },
      {
        name: "RIS",
        id: "cite-ris",
        file: `/casefile/incidents/${incidentId}/cite.ris`,
        download: "cite.ris",
      },
      {
        name: "CSL-JSON",
        id: "cite-csl",
        file: `/casefile/incidents/${incidentId}/cite.json`,
        download: "cite.json",
      },
    ]);
    for (const file of files) expect(file.text).toBe(exportFormat(file.download)?.render(input));
  });
});
