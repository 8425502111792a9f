import { describe, expect, it } from "vitest";
import { incidentCsl } from "../../../src/lib/cite/csl.ts";
import { versionDay } from "../../../src/lib/cite/dates.ts";
import { input, unrevised } from "./sample.ts";

describe("incidentCsl", () => {
  it("makes a CSL report item from the incident", () => {
    expect(incidentCsl(input)).toEqual({
      id: "2024-venezuela-cne-ddos",
      type: "report",
      "citation-key": "2024_venezuela_cne_ddos",
      title: "DDoS on the CNE results site </script>",
      author: [
        { given: "Ana María", family: "Pérez" },
        { given: "Jan", family: "van der Berg" },
        { literal: "Digital Forensic Lab" },
      ],
      issued: { "date-parts": [[2024, 7, 30]] },
      version: "2024-08-15",
      publisher: "Casefile Research",
      URL: "https://casefile.example/incidents/2024-venezuela-cne-ddos/",
      number: "CF-2024-07",
      genre: "Incident dossier",
      abstract:
        "The electoral authority's results site went down on election night; officials blamed a foreign attack.",
    });
  });

  it("leaves out the number when none is configured, and never sets accessed", () => {
    const { reportNumber: _, ...withoutNumber } = input;
    const item = incidentCsl(withoutNumber);
    expect("number" in item).toBe(false);
    expect("accessed" in item).toBe(false);
    expect(incidentCsl({ ...input, reportNumber: "" })).not.toHaveProperty("number");
  });

  it("dates the version from the latest revision, update or publication", () => {
    expect(versionDay(input.incident)).toBe("2024-08-15");
    expect(versionDay({ ...input.incident, revisions: [] })).toBe("2024-08-02");
    expect(incidentCsl({ ...input, incident: unrevised }).version).toBe("2024-07-30");
  });
});
