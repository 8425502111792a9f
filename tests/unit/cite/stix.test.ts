import { describe, expect, it } from "vitest";
import {
  stixBundle,
  stixId,
  validateStix,
  type StixBundle,
  type StixObject,
} from "../../../src/lib/cite/stix.ts";
import { stixSector } from "../../../src/lib/cite/stix-vocabulary.ts";
import { casefileNamespace, urlNamespace, uuidV5 } from "../../../src/lib/cite/uuid.ts";
import { CasefileError } from "../../../src/lib/errors.ts";
import { claims, input, outlets, sources } from "./sample.ts";

const stixInput = { ...input, sources, claims, outlets };
const bundle = stixBundle(stixInput);

/** The objects of a type, in bundle order. */
function ofType(type: string, from: StixBundle = bundle): StixObject[] {
  return from.objects.filter((object) => object.type === type);
}

/** The one object with an id. */
function byId(id: unknown): StixObject | undefined {
  return bundle.objects.find((object) => object.id === id);
}

describe("uuidV5", () => {
  it("matches the RFC 9562 test vector", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });

  it("derives Casefile's namespace as documented", () => {
    expect(uuidV5(urlNamespace, "casefile:stix")).toBe(casefileNamespace);
  });

  it("names STIX objects by incident, type and local id", () => {
    const id = stixId("2024-x", "note", "claim:a");
    expect(id).toBe(`note--${uuidV5(casefileNamespace, "casefile:2024-x:note:claim:a")}`);
    expect(id).toMatch(
      /^note--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stixId("2024-y", "note", "claim:a")).not.toBe(id);
  });
});

describe("stixBundle", () => {
  it("is valid STIX 2.1 as validateStix checks it", () => {
    expect(validateStix(bundle)).toEqual([]);
    expect(bundle.type).toBe("bundle");
    expect(bundle.id).toBe(
      `bundle--${uuidV5(casefileNamespace, "casefile:2024-venezuela-cne-ddos:bundle")}`,
    );
  });

  it("is deterministic: two builds give the same JSON", () => {
    expect(JSON.stringify(stixBundle(stixInput))).toBe(JSON.stringify(bundle));
  });

  it("counts one object per report, identity, pattern, relationship, claim and stance", () => {
    expect(bundle.objects.map((object) => object.type)).toEqual([
      "report",
      "identity", // publisher
      "identity", // example-ministry
      "identity", // example-blog
      "identity", // Consejo Nacional Electoral
      "identity", // Results portal
      "attack-pattern", // ddos; disinformation has no ATT&CK technique
      "relationship",
      "relationship",
      "note",
      "note",
      "opinion",
      "opinion",
      "opinion",
    ]);
  });

  it("dates every object but the publisher from the incident, in RFC 3339 UTC", () => {
    const [, publisher, ...incidentObjects] = bundle.objects;
    expect(publisher).toMatchObject({
      type: "identity",
      created: "1970-01-01T00:00:00.000Z",
      modified: "1970-01-01T00:00:00.000Z",
    });
    for (const object of [bundle.objects[0], ...incidentObjects]) {
      if (object === undefined) continue;
      expect(object.spec_version).toBe("2.1");
      expect(object.created).toBe("2024-07-30T00:00:00.000Z");
      expect(object.modified).toBe("2024-08-15T00:00:00.000Z");
    }
  });

  it("writes the report with its sources and archived copies as external references", () => {
    const [report] = ofType("report");
    expect(report?.["name"]).toBe("DDoS on the CNE results site </script>");
    expect(report?.["published"]).toBe("2024-07-30T00:00:00.000Z");
    expect(report?.["report_types"]).toEqual(["threat-report", "attack-pattern"]);
    expect(report?.["labels"]).toEqual(["ddos", "disinformation"]);
    expect(report?.["object_refs"]).toEqual(bundle.objects.slice(1).map((object) => object.id));
    expect(report?.["external_references"]).toEqual([
      {
        source_name: "Casefile Research",
        url: input.url,
        description: "Incident dossier",
        external_id: "CF-2024-07",
      },
      {
        source_name: "Example Ministry",
        url: "https://ministry.example/statement",
        description: "Statement on the attack (official-statement, 2024-07-29)",
      },
      {
        source_name: "Example Ministry",
        url: "https://web.archive.org/web/20240729/https://ministry.example/statement",
        description: "Archived copy of Statement on the attack",
      },
      { source_name: "Example Blog", description: "Nothing happened (opinion)" },
    ]);
  });

  it("gives the publisher one identity in the bundles of all incidents", () => {
    const other = stixBundle({
      ...stixInput,
      id: "2021-bolivia-oep-intrusion",
      incident: { ...input.incident, published: "2021-03-10", updated: undefined, revisions: [] },
    });
    const [publisher] = ofType("identity");
    const [otherPublisher] = ofType("identity", other);
    expect(otherPublisher).toEqual(publisher);
    expect(publisher?.id).toBe(
      `identity--${uuidV5(casefileNamespace, "casefile:/publisher:Casefile Research")}`,
    );
    expect(ofType("report", other)[0]?.["created_by_ref"]).toBe(publisher?.id);
    // Everything else stays the incident's own.
    const ids = new Set(bundle.objects.map((object) => object.id));
    expect(other.objects.filter((object) => ids.has(object.id))).toEqual([otherPublisher]);
    expect(stixBundle({ ...stixInput, publisher: "Another group" }).objects[1]?.id).not.toBe(
      publisher?.id,
    );
  });

  it("makes the publisher the creator of everything else", () => {
    const [publisher] = ofType("identity");
    expect(publisher).toMatchObject({ name: "Casefile Research", identity_class: "organization" });
    expect(publisher).not.toHaveProperty("created_by_ref");
    for (const object of bundle.objects.slice(2))
      expect(object["created_by_ref"]).toBe(publisher?.id);
  });

  it("maps outlet kinds and target sectors to STIX sectors where one fits", () => {
    const identities = ofType("identity");
    expect(identities.map((identity) => [identity["name"], identity["sectors"]])).toEqual([
      ["Casefile Research", undefined],
      ["Example Ministry", ["government"]],
      ["Example Blog", undefined],
      ["Consejo Nacional Electoral", ["government-national"]],
      ["Results portal", undefined],
    ]);
    expect(identities[2]?.["description"]).toBe("Outlet kind: blog. Anonymous.");
    expect(identities[4]?.["description"]).toBe("Target of the incident; sector: unmapped thing.");
    expect(stixSector("Government National")).toBe("government-national");
    expect(stixSector("media")).toBe("communications");
    expect(stixSector("elections")).toBe("government-national");
    expect(stixSector("astrology")).toBeUndefined();
    expect(stixSector("constructor")).toBeUndefined();
    expect(stixSector("__proto__")).toBeUndefined();
  });

  it("links DDoS to ATT&CK T1498 and defacement to T1491.002, and the pattern to the targets", () => {
    const [pattern] = ofType("attack-pattern");
    expect(pattern?.["name"]).toBe("Network Denial of Service");
    expect(pattern?.["external_references"]).toEqual([
      {
        source_name: "mitre-attack",
        external_id: "T1498",
        url: "https://attack.mitre.org/techniques/T1498/",
      },
    ]);
    expect(
      ofType("relationship").map((relation) => [
        relation["relationship_type"],
        byId(relation["target_ref"])?.["name"],
      ]),
    ).toEqual([
      ["targets", "Consejo Nacional Electoral"],
      ["targets", "Results portal"],
    ]);
    const defaced = stixBundle({
      ...stixInput,
      incident: { ...input.incident, types: ["defacement", "intrusion", "malware"] },
    });
    expect(
      ofType("attack-pattern", defaced).map((object) => object["external_references"]),
    ).toEqual([
      [
        {
          source_name: "mitre-attack",
          external_id: "T1491.002",
          url: "https://attack.mitre.org/techniques/T1491/002/",
        },
      ],
    ]);
    const unmapped = stixBundle({
      ...stixInput,
      incident: { ...input.incident, types: ["disinformation"] },
    });
    expect(ofType("attack-pattern", unmapped)).toEqual([]);
    expect(ofType("relationship", unmapped)).toEqual([]);
    expect(ofType("report", unmapped)[0]?.["report_types"]).toEqual(["threat-report"]);
    expect(validateStix(unmapped)).toEqual([]);
  });

  it("writes each claim as a note listing the stances, and each stance as an opinion", () => {
    const [note] = ofType("note");
    expect(note?.["abstract"]).toBe("A foreign DDoS took the site down.");
    expect(note?.["content"]).toBe(
      "A foreign DDoS took the site down.\n\nStances of the sources:\n" +
        "- Example Ministry, “Statement on the attack”: asserts\n" +
        "- Example Blog, “Nothing happened”: disputes",
    );
    expect(note?.["object_refs"]).toEqual([ofType("report")[0]?.id]);
    expect(note?.["authors"]).toEqual([
      "Ana María Pérez",
      "Jan van der Berg",
      "Digital Forensic Lab",
    ]);
    const opinions = ofType("opinion");
    expect(
      opinions.map((opinion) => [
        opinion["opinion"],
        opinion["authors"],
        byId((opinion["object_refs"] as string[])[0])?.["abstract"],
      ]),
    ).toEqual([
      ["agree", ["Example Ministry"], "A foreign DDoS took the site down."],
      ["disagree", ["Example Blog"], "A foreign DDoS took the site down."],
      ["neutral", ["Example Blog"], "The site was unreachable for hours."],
    ]);
    expect(opinions[0]?.["explanation"]).toBe(
      "“Statement on the attack” (Example Ministry) asserts the claim: A foreign DDoS took the site down.",
    );
    expect(opinions[0]?.["external_references"]).toHaveLength(2);
  });

  it("stops on a source whose outlet is unknown, or a stance of an unknown source", () => {
    expect(() => stixBundle({ ...stixInput, outlets: new Map() })).toThrow(CasefileError);
    expect(() => stixBundle({ ...stixInput, outlets: new Map() })).toThrow(
      /sources\[0\]\.outlet: outlet "example-ministry"/,
    );
    const stray = [{ id: "c", text: "x", stances: { nobody: "asserts" as const } }];
    expect(() => stixBundle({ ...stixInput, claims: stray })).toThrow(
      /claims\[0\]\.stances\.nobody/,
    );
  });
});

describe("validateStix", () => {
  /** A copy of the bundle with one object changed. */
  function changed(index: number, change: (object: Record<string, unknown>) => void): unknown {
    const copy = JSON.parse(JSON.stringify(bundle)) as { objects: Record<string, unknown>[] };
    const object = copy.objects[index];
    if (object !== undefined) change(object);
    return copy;
  }

  it("reports missing required properties by type", () => {
    expect(validateStix(changed(0, (report) => delete report["published"]))).toEqual([
      `objects[0] (${bundle.objects[0]?.id}): published must be an RFC 3339 UTC timestamp`,
    ]);
    expect(validateStix(changed(6, (pattern) => delete pattern["name"]))).toEqual([
      `objects[6] (${bundle.objects[6]?.id}): name must be a non-empty string`,
    ]);
    expect(validateStix(changed(11, (opinion) => (opinion["opinion"] = "maybe")))).toEqual([
      `objects[11] (${bundle.objects[11]?.id}): opinion must be one of the opinion-enum values`,
    ]);
  });

  it("reports ids that are not <type>--<UUIDv5> and timestamps without Z", () => {
    const problems = validateStix(
      changed(9, (note) => {
        note["id"] = "note--00000000-0000-4000-8000-000000000000";
        note["modified"] = "2024-08-15T00:00:00+02:00";
      }),
    );
    expect(problems).toContain(
      "objects[9] (note--00000000-0000-4000-8000-000000000000): id is not <type>--<UUIDv5>",
    );
    expect(problems).toContain(
      "objects[9] (note--00000000-0000-4000-8000-000000000000): modified must be an RFC 3339 UTC timestamp",
    );
    // The report and both opinions on that claim still point at the note's old id.
    expect(problems.filter((problem) => problem.includes("is not in the bundle"))).toHaveLength(3);
  });

  it("reports references to objects outside the bundle", () => {
    expect(
      validateStix(changed(7, (relation) => (relation["target_ref"] = "identity--nowhere"))),
    ).toEqual([
      `objects[7] (${bundle.objects[7]?.id}): target_ref identity--nowhere is not in the bundle`,
    ]);
  });

  it("rejects what is not a bundle", () => {
    expect(validateStix(null)).toEqual(["bundle is not an object"]);
    expect(validateStix({ type: "bundle", id: "bundle--x", objects: [] })).toEqual([
      "bundle: id is not bundle--<UUIDv5>",
      "bundle: objects must be a non-empty list",
    ]);
  });
});
