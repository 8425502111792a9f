import type { Archive } from "../archive/index.ts";
import type { IncidentChartInput } from "../charts/index.ts";
import { outletsById } from "../content/queries.ts";
import type { EventEntry, IncidentEntry, SiteData } from "../content/site-data.ts";
import { assessIncident, type Assessment } from "../reliability/index.ts";
import type { Claim, Source } from "../../schemas/sources.ts";
import { suggestedDependences } from "./dependences.ts";
import type { CaptureFacts } from "./capture-facts.ts";
import { incidentEvidence, type IncidentEvidence } from "./evidence.ts";

/** Everything an incident page shows, computed once from the site data and the archive. */
export interface Dossier {
  /** The incident. */
  incident: IncidentEntry;
  /** Path of its sources.yaml. */
  sourcesFile: string;
  /** Its sources, in file order. */
  sources: Source[];
  /** Its claims, in file order. */
  claims: Claim[];
  /** Its events, by time. */
  events: EventEntry[];
  /** Grades, origin groups, corroboration and lints. */
  assessment: Assessment;
  /** The deduplicated source text and its ledger. */
  evidence: IncidentEvidence;
}

/**
 * A dossier without its evidence (the incident's part of the archive): what the exports and the
 * outlet pages show, small enough to keep for every incident of a build. Of the evidence it keeps
 * the provenance of each capture its sources list, in their order.
 */
export type DossierSummary = Omit<Dossier, "evidence"> & { captures: CaptureFacts[] };

/** The summary of a dossier: everything but its evidence, with its captures' provenance. */
export function summaryOf(dossier: Dossier): DossierSummary {
  const { incident, sourcesFile, sources, claims, events, assessment, evidence } = dossier;
  const captures = evidence.captures.flatMap((file) => evidence.facts.get(file) ?? []);
  return { incident, sourcesFile, sources, claims, events, assessment, captures };
}

/** An archive with nothing in it, for sites without captures. */
const emptyArchive: Archive = {
  documents: [],
  ledger: [],
  files: [],
  warnings: [],
  stats: {
    files: 0,
    bytes: 0,
    lines: 0,
    blankLines: 0,
    articles: 0,
    documents: 0,
    syndicated: 0,
    uniqueParagraphs: 0,
    kept: 0,
    duplicates: 0,
    nearDuplicates: 0,
    boilerplate: 0,
    boilerplateByRule: {},
  },
};

/** Builds the dossier of one incident. */
export function buildDossier(
  site: SiteData,
  incident: IncidentEntry,
  archive: Archive = emptyArchive,
): Dossier {
  const {
    file: sourcesFile,
    sources,
    claims,
  } = site.sources.get(incident.id) ?? {
    file: `data/incidents/${incident.id}/sources.yaml`,
    sources: [],
    claims: [],
  };
  const evidence = incidentEvidence(archive, sources);
  const outlets = outletsById(site);
  const assessment = assessIncident({
    file: sourcesFile,
    incidentFile: incident.file,
    incident: incident.data,
    sources,
    claims,
    outlets,
    syndication: evidence.syndication,
    suggestions: suggestedDependences(evidence, sources, outlets),
    captureUrls: new Map(
      [...evidence.facts.values()].flatMap((facts) =>
        facts.url === null ? [] : [[facts.path, facts.url] as const],
      ),
    ),
  });
  return {
    incident,
    sourcesFile,
    sources,
    claims,
    events: site.events.get(incident.id) ?? [],
    assessment,
    evidence,
  };
}

/** The input of the automatic incident charts (timeline, grades grid, stance matrix). */
export function dossierChartInput(dossier: Dossier): IncidentChartInput {
  return {
    events: dossier.events.map((event) => ({
      time: new Date(event.time),
      timeText: event.time,
      label: event.label,
      sources: event.sources,
    })),
    sources: dossier.assessment.sources.map((graded) => ({
      id: graded.id,
      reliability: graded.reliability,
      credibility: graded.credibility,
    })),
    claims: dossier.claims.map((claim) => ({ id: claim.id, text: claim.text })),
    stances: dossier.claims.flatMap((claim) =>
      Object.entries(claim.stances).map(([source, stance]) => ({
        claim: claim.id,
        source,
        stance,
      })),
    ),
  };
}
