import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import { describe, expect, it } from "vitest";
import { incidentCsl } from "../../../src/lib/cite/csl.ts";
import { citationFormats } from "../../../src/lib/cite/formats.ts";
import { input } from "./sample.ts";

const formats = citationFormats(incidentCsl(input));

/** The one item citation-js parses from a text. */
function parsed(text: string): Record<string, unknown> {
  const items = new Cite(text).data;
  expect(items).toHaveLength(1);
  return items[0] ?? {};
}

describe("citationFormats", () => {
  it("writes a BibTeX @techreport with a stable key, the day in date (not month) and the version in a note", () => {
    expect(formats.bibtex).toBe(
      [
        "@techreport{2024_venezuela_cne_ddos,",
        "\tauthor = {P{\\' e}rez, Ana Mar{\\' i}a and van der Berg, Jan and {Digital Forensic Lab}},",
        "\tyear = {2024},",
        "\tdate = {2024-07-30},",
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

  it("writes an RIS RPRT record with the whole id and a two-digit day", () => {
    expect(formats.ris).toBe(
      [
        "TY  - RPRT",
        "ID  - 2024-venezuela-cne-ddos",
        "TI  - DDoS on the CNE results site </script>",
        "AU  - Pérez, Ana María",
        "AU  - van der Berg, Jan",
        "AU  - Digital Forensic Lab",
        "PY  - 2024",
        "DA  - 2024/07/30/",
        "PB  - Casefile Research",
        "SN  - CF-2024-07",
        "M3  - Incident dossier",
        "UR  - https://casefile.example/incidents/2024-venezuela-cne-ddos/",
        "AB  - The electoral authority's results site went down on election night; officials blamed a foreign attack.",
        "N1  - Version of 2024-08-15",
        "ER  - ",
        "",
      ].join("\n"),
    );
  });

  it("writes RIS days in two digits and ids that no other incident shares", () => {
    const early = { ...input, id: "2024-venezuela-cne-election-ddos" };
    const other = { ...input, id: "2024-venezuela-cne-election-defacement" };
    const ris = (citation: typeof input, day: string) =>
      citationFormats(
        incidentCsl({ ...citation, incident: { ...citation.incident, published: day } }),
      ).ris;
    expect(ris(early, "2026-11-01")).toContain("\nDA  - 2026/11/01/\n");
    expect(ris(early, "2026-11-01")).toContain("\nID  - 2024-venezuela-cne-election-ddos\n");
    expect(ris(other, "2026-11-01")).toContain("\nID  - 2024-venezuela-cne-election-defacement\n");
  });

  it("writes each RIS field on one line, however long", () => {
    const summary = `${"A long summary ".repeat(20)}\nwith a line break.`;
    const ris = citationFormats(
      incidentCsl({ ...input, incident: { ...input.incident, summary } }),
    ).ris;
    expect(ris).toContain(`\nAB  - ${"A long summary ".repeat(20)}with a line break.\n`);
    expect(ris.split("\n").every((row) => row === "" || /^[A-Z][A-Z0-9] {2}- /.test(row))).toBe(
      true,
    );
  });

  it("writes an RIS record that round-trips", () => {
    const item = parsed(formats.ris);
    expect(item["type"]).toBe("report");
    expect(item["title"]).toBe("DDoS on the CNE results site </script>");
    expect(item["author"]).toEqual([
      { family: "Pérez", given: "Ana María" },
      { family: "van der Berg", given: "Jan" },
      { literal: "Digital Forensic Lab" },
    ]);
    expect(item["URL"]).toBe(input.url);
    expect(item["id"]).toBe("2024-venezuela-cne-ddos");
    expect(item["number"]).toBe("CF-2024-07");
    expect(item["issued"]).toEqual({ "date-parts": [[2024, 7, 30]] });
  });

  it("writes CSL-JSON that parses back to the item", () => {
    const json: unknown = JSON.parse(formats.cslJson);
    expect(json).toEqual([incidentCsl(input)]);
    const item = parsed(formats.cslJson);
    expect(item["type"]).toBe("report");
    expect(item["version"]).toBe("2024-08-15");
    expect(item["author"]).toEqual(incidentCsl(input).author);
  });

  it("writes the site's licence into the CSL-JSON, which citation-js would leave out", () => {
    const license = "https://creativecommons.org/licenses/by/4.0/";
    const licensed = citationFormats(incidentCsl({ ...input, license }));
    expect(JSON.parse(licensed.cslJson)).toEqual([incidentCsl({ ...input, license })]);
    expect(parsed(licensed.cslJson)["license"]).toBe(license);
    expect(formats.cslJson).not.toContain("license");
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

describe("the APA reference", () => {
  it("names a report number as written, not title-cased or read as a range", () => {
    const reference = (reportNumber: string) =>
      citationFormats(
        incidentCsl({ ...input, id: "2024-venezuela-cne-election-ddos", reportNumber }),
      ).reference;
    expect(reference("2024-venezuela-cne-election-ddos")).toContain(
      "(Incident Dossier 2024-venezuela-cne-election-ddos; Version of 2024-08-15)",
    );
    expect(reference("cf-2024-venezuela-cne-election-ddos")).toContain(
      "(Incident Dossier cf-2024-venezuela-cne-election-ddos; Version of 2024-08-15)",
    );
    expect(reference("CF-2024-07")).not.toContain("\u2011");
  });
});
