import { Cite } from "@citation-js/core";
import { describe, expect, it } from "vitest";
import { incidentCsl } from "../../../src/lib/cite/csl.ts";
import { citationFormats, unwrapRis } from "../../../src/lib/cite/formats.ts";
import { input } from "./sample.ts";

const formats = citationFormats(incidentCsl(input));

/** The one item citation-js parses from a text. */
function parsed(text: string): Record<string, unknown> {
  const items = new Cite(text).data;
  expect(items).toHaveLength(1);
  return items[0] ?? {};
}

describe("citationFormats", () => {
  it("writes a BibTeX @techreport with a stable key and the version in a note", () => {
    expect(formats.bibtex).toBe(
      [
        "@techreport{2024_venezuela_cne_ddos,",
        "\tauthor = {P{\\' e}rez, Ana Mar{\\' i}a and van der Berg, Jan and {Digital Forensic Lab}},",
        "\tyear = {2024},",
        "\tmonth = {jul 30},",
        "\tnote = {Version of 2024-08-15},",
        "\tnumber = {CF-2024-07},",
        "\tinstitution = {Casefile Research},",
        "\ttitle = {DDoS on the {CNE} results site \\textless{}/script\\textgreater{}},",
        "\ttype = {Incident dossier},",
        "\turl = {https://casefile.example/incidents/2024-venezuela-cne-ddos/},",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("round-trips the BibTeX through citation-js", () => {
    const item = parsed(formats.bibtex);
    expect(item["type"]).toBe("report");
    expect(item["title"]).toBe("DDoS on the CNE results site </script>");
    // citation-js reads the particle apart and a braced institution back as a family name.
    expect(item["author"]).toEqual([
      { given: "Ana María", family: "Pérez" },
      { given: "Jan", family: "Berg", "non-dropping-particle": "van der" },
      { family: "Digital Forensic Lab" },
    ]);
    expect(item["issued"]).toEqual({ "date-parts": [[2024, 7, 30]] });
    expect(item["number"]).toBe("CF-2024-07");
    expect(item["publisher"]).toBe("Casefile Research");
    expect(item["note"]).toBe("Version of 2024-08-15");
  });

  it("writes an RIS RPRT record that round-trips", () => {
    expect(formats.ris.startsWith("TY  - RPRT\n")).toBe(true);
    expect(formats.ris.endsWith("\nER  - \n")).toBe(true);
    expect(formats.ris).toContain("\nAU  - van der Berg, Jan\n");
    expect(formats.ris).toContain("\nN1  - Version of 2024-08-15\n");
    const item = parsed(formats.ris);
    expect(item["type"]).toBe("report");
    expect(item["title"]).toBe("DDoS on the CNE results site </script>");
    expect(item["author"]).toEqual([
      { family: "Pérez", given: "Ana María" },
      { family: "van der Berg", given: "Jan" },
      { literal: "Digital Forensic Lab" },
    ]);
    expect(item["URL"]).toBe(input.url);
  });

  it("writes CSL-JSON that parses back to the item", () => {
    const json: unknown = JSON.parse(formats.cslJson);
    expect(json).toEqual([incidentCsl(input)]);
    const item = parsed(formats.cslJson);
    expect(item["type"]).toBe("report");
    expect(item["version"]).toBe("2024-08-15");
    expect(item["author"]).toEqual(incidentCsl(input).author);
  });

  it("formats an APA reference naming the version and leaving the access date to the reader", () => {
    expect(formats.reference).toBe(
      "Pérez, A. M., van der Berg, J., & Digital Forensic Lab. (2024). DDoS on the CNE results site </script> " +
        "(Incident Dossier CF-2024-07; Version of 2024-08-15). Casefile Research. " +
        "https://casefile.example/incidents/2024-venezuela-cne-ddos/ [accessed DATE]",
    );
  });

  it("is deterministic and never writes today's date", () => {
    expect(citationFormats(incidentCsl(input))).toEqual(formats);
    const today = new Date();
    const iso = today.toISOString().slice(0, 10);
    const year = String(today.getUTCFullYear());
    for (const text of Object.values(formats)) {
      expect(text).not.toContain(iso);
      expect(text).not.toMatch(/accessed \d|urldate|Retrieved/);
      if (year !== "2024") expect(text).not.toContain(year);
    }
  });

  it("ends every file with exactly one newline", () => {
    for (const text of [formats.bibtex, formats.ris, formats.cslJson])
      expect(text).toMatch(/[^\n]\n$/);
  });

  it("formats an item once per process: equal items share one frozen result", () => {
    const again = citationFormats(structuredClone(incidentCsl(input)));
    expect(again).toBe(formats);
    expect(Object.isFrozen(again)).toBe(true);
    const other = citationFormats({ ...incidentCsl(input), title: "Another title" });
    expect(other).not.toBe(formats);
    expect(other.bibtex).toContain("Another title");
  });
});

describe("unwrapRis", () => {
  it("joins lines that citation-js folded mid-word back into their field", () => {
    expect(unwrapRis("TY  - RPRT\nAB  - A long abs\ntract here\nER  - \n")).toBe(
      "TY  - RPRT\nAB  - A long abstract here\nER  - \n",
    );
  });
});
