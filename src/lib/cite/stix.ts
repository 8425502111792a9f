import type { Incident } from "../../schemas/incident.ts";
import type { Outlet } from "../../schemas/outlet.ts";
import type { Claim, Source } from "../../schemas/sources.ts";
import { CasefileError } from "../errors.ts";
import { midnightUtc, versionDay } from "./dates.ts";
import { attackTechniques, outletSectors, stanceOpinions, stixSector } from "./stix-vocabulary.ts";
import { writtenName } from "./names.ts";
import { casefileNamespace, uuidV5 } from "./uuid.ts";

/** One STIX 2.1 object (SDO or SRO) with the common properties Casefile always sets. */
export interface StixObject {
  /** Object type (`report`, `identity`, …). */
  type: string;
  /** Always `2.1`. */
  spec_version: "2.1";
  /** `<type>--<UUIDv5>`. */
  id: string;
  /** RFC 3339 UTC timestamp. */
  created: string;
  /** RFC 3339 UTC timestamp. */
  modified: string;
  /** Type-specific properties. */
  [property: string]: unknown;
}

/** A STIX 2.1 bundle. */
export interface StixBundle {
  /** Always `bundle`. */
  type: "bundle";
  /** `bundle--<UUIDv5>`. */
  id: string;
  /** The objects, report first. */
  objects: StixObject[];
}

/** A STIX external reference. */
interface ExternalReference {
  /** Who or what it comes from. */
  source_name: string;
  /** Where it is. */
  url?: string;
  /** What it is. */
  description?: string;
  /** Its id in that source (e.g. an ATT&CK technique id). */
  external_id?: string;
}

/** What an incident's STIX bundle is made from. */
export interface StixInput {
  /** Incident id. */
  id: string;
  /** The incident's frontmatter. */
  incident: Incident;
  /** The incident's sources. */
  sources: Source[];
  /** The claims made about it. */
  claims: Claim[];
  /** All outlets by id. */
  outlets: Map<string, Outlet>;
  /** Canonical URL of the incident page. */
  url: string;
  /** The publishing institution. */
  publisher: string;
  /** Report number, when configured. */
  reportNumber?: string | undefined;
}

/** Re-exported so that the bundle and its checker come from one module. */
export { validateStix } from "./stix-validate.ts";

/**
 * A deterministic STIX id. The key is scoped to the incident (`casefile:<incident>:<type>:<local>`)
 * even for outlets: STIX forbids one id with two `created` times, and each bundle dates its
 * objects from its own incident, so sharing outlet ids across bundles would break that rule.
 */
export function stixId(incidentId: string, type: string, local: string): string {
  return `${type}--${uuidV5(casefileNamespace, `casefile:${incidentId}:${type}:${local}`)}`;
}

/**
 * When the publisher's identity was created, as every bundle states it. STIX dates each version
 * of an object and forbids one id with two `created` times (STIX 2.1, "Versioning"), and the
 * publisher is the same object in every bundle, so its timestamps cannot come from an incident;
 * the Unix epoch is fixed forever and precedes any report the publisher creates.
 */
const publisherCreated = "1970-01-01T00:00:00.000Z";

/**
 * The publisher's STIX identity: one id for the same publisher in every incident's bundle, so that
 * a tool merging bundles sees one publisher. Its key has a slash, which no incident id has, so it
 * cannot meet an incident-scoped key; a renamed publisher is a new identity.
 */
function publisherIdentity(publisher: string): StixObject {
  return {
    type: "identity",
    spec_version: "2.1",
    id: `identity--${uuidV5(casefileNamespace, `casefile:/publisher:${publisher}`)}`,
    created: publisherCreated,
    modified: publisherCreated,
    name: publisher,
    identity_class: "organization",
  };
}

/** The external references of one source: its URL and its archived copy. */
function sourceReferences(source: Source, outletName: string): ExternalReference[] {
  const kind = source.published === undefined ? source.kind : `${source.kind}, ${source.published}`;
  const references: ExternalReference[] = [];
  if (source.url !== undefined) {
    references.push({
      source_name: outletName,
      url: source.url,
      description: `${source.title} (${kind})`,
    });
  }
  if (source.archived_url !== undefined) {
    references.push({
      source_name: outletName,
      url: source.archived_url,
      description: `Archived copy of ${source.title}`,
    });
  }
  if (references.length === 0)
    references.push({ source_name: outletName, description: `${source.title} (${kind})` });
  return references;
}

/** The outlet of each source, or an author error naming the source that points nowhere. */
function outletsOf(input: StixInput): Map<string, Outlet> {
  const bySource = new Map<string, Outlet>();
  input.sources.forEach((source, index) => {
    const outlet = input.outlets.get(source.outlet);
    if (outlet === undefined) {
      throw new CasefileError({
        file: `data/incidents/${input.id}/sources.yaml`,
        field: `sources[${index}].outlet`,
        message: `outlet "${source.outlet}" is not in data/outlets.yaml`,
        hint: "add the outlet to data/outlets.yaml or fix the id",
      });
    }
    bySource.set(source.id, outlet);
  });
  return bySource;
}

/**
 * The STIX 2.1 bundle for `/incidents/<id>/stix.json`: a report with the publisher, outlets and
 * targets as identities, ATT&CK attack patterns where the incident type names one, each claim
 * as a note and each source's stance on it as an opinion authored by the source's outlet.
 * Ids and timestamps derive from the input only, so two builds give the same bytes.
 */
export function stixBundle(input: StixInput): StixBundle {
  const { id, incident, sources, claims, publisher, url, reportNumber } = input;
  const created = midnightUtc(incident.published);
  const modified = midnightUtc(versionDay(incident));
  const creator = publisherIdentity(publisher);
  const publisherId = creator.id;
  const common = (type: string, local: string): StixObject => ({
    type,
    spec_version: "2.1",
    id: stixId(id, type, local),
    created,
    modified,
    created_by_ref: publisherId,
  });
  const outletOfSource = outletsOf(input);
  const sourceById = new Map(sources.map((source) => [source.id, source]));

  const outletIdentities = new Map<string, StixObject>();
  for (const outlet of outletOfSource.values()) {
    if (outletIdentities.has(outlet.id)) continue;
    const identity: StixObject = {
      ...common("identity", `outlet:${outlet.id}`),
      name: outlet.name,
      identity_class: "organization",
    };
    const sector = outletSectors[outlet.kind];
    if (sector !== undefined) identity["sectors"] = [sector];
    const about = [`Outlet kind: ${outlet.kind}.`, outlet.note]
      .filter((part) => part !== undefined)
      .join(" ");
    identity["description"] = about;
    if (outlet.homepage !== undefined)
      identity["external_references"] = [{ source_name: outlet.name, url: outlet.homepage }];
    outletIdentities.set(outlet.id, identity);
  }

  const targetIdentities = new Map<string, StixObject>();
  for (const target of incident.targets) {
    if (targetIdentities.has(target.name)) continue;
    const identity: StixObject = {
      ...common("identity", `target:${target.name}`),
      name: target.name,
      identity_class: "organization",
      description: `Target of the incident; sector: ${target.sector}.`,
    };
    const sector = stixSector(target.sector);
    if (sector !== undefined) identity["sectors"] = [sector];
    targetIdentities.set(target.name, identity);
  }

  const attackPatterns: StixObject[] = [];
  for (const type of incident.types) {
    const technique = attackTechniques[type];
    if (technique === undefined) continue;
    attackPatterns.push({
      ...common("attack-pattern", type),
      name: technique.name,
      external_references: [
        { source_name: "mitre-attack", external_id: technique.externalId, url: technique.url },
      ],
    });
  }

  const relationships: StixObject[] = attackPatterns.flatMap((pattern) =>
    [...targetIdentities.entries()].map(([name, target]) => ({
      ...common("relationship", `${pattern.id}:targets:${name}`),
      relationship_type: "targets",
      source_ref: pattern.id,
      target_ref: target.id,
    })),
  );

  const reportId = stixId(id, "report", id);
  const notes: StixObject[] = [];
  const opinions: StixObject[] = [];
  claims.forEach((claim, claimIndex) => {
    const noteId = stixId(id, "note", `claim:${claim.id}`);
    const lines: string[] = [];
    for (const [sourceId, stance] of Object.entries(claim.stances)) {
      const source = sourceById.get(sourceId);
      const outlet = outletOfSource.get(sourceId);
      if (source === undefined || outlet === undefined) {
        throw new CasefileError({
          file: `data/incidents/${id}/sources.yaml`,
          field: `claims[${claimIndex}].stances.${sourceId}`,
          message: `source "${sourceId}" is not among this incident's sources`,
          hint: "use the id of a source listed under sources:",
        });
      }
      lines.push(`- ${outlet.name}, “${source.title}”: ${stance}`);
      opinions.push({
        ...common("opinion", `${claim.id}:${sourceId}`),
        opinion: stanceOpinions[stance],
        explanation: `“${source.title}” (${outlet.name}) ${stance} the claim: ${claim.text}`,
        authors: [outlet.name],
        object_refs: [noteId],
        external_references: sourceReferences(source, outlet.name),
      });
    }
    const content =
      lines.length === 0
        ? claim.text
        : `${claim.text}\n\nStances of the sources:\n${lines.join("\n")}`;
    notes.push({
      ...common("note", `claim:${claim.id}`),
      abstract: claim.text,
      content,
      authors: incident.authors.map(writtenName),
      object_refs: [reportId],
    });
  });

  const others: StixObject[] = [
    creator,
    ...outletIdentities.values(),
    ...targetIdentities.values(),
    ...attackPatterns,
    ...relationships,
    ...notes,
    ...opinions,
  ];
  const ownReference: ExternalReference = {
    source_name: publisher,
    url,
    description: "Incident dossier",
  };
  if (reportNumber !== undefined && reportNumber !== "") ownReference.external_id = reportNumber;
  const report: StixObject = {
    ...common("report", id),
    name: incident.title,
    description: incident.summary,
    published: created,
    report_types:
      attackPatterns.length === 0 ? ["threat-report"] : ["threat-report", "attack-pattern"],
    labels: [...incident.types],
    object_refs: others.map((object) => object.id),
    external_references: [
      ownReference,
      ...sources.flatMap((source) =>
        sourceReferences(source, outletOfSource.get(source.id)?.name ?? source.outlet),
      ),
    ],
  };
  return {
    type: "bundle",
    id: `bundle--${uuidV5(casefileNamespace, `casefile:${id}:bundle`)}`,
    objects: [report, ...others],
  };
}
