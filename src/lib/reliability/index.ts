/**
 * The reliability core for one incident: graded sources → origin groups → corroboration of each
 * claim → lints; and the machine-readable `/incidents/<id>/sources.json` built from them.
 */
import type { Incident } from "../../schemas/incident.ts";
import type { Outlet } from "../../schemas/outlet.ts";
import type { Claim, Source } from "../../schemas/sources.ts";
import { credibilityScale, reliabilityScale } from "./admiralty.ts";
import { assessClaims, type ClaimAssessment, type StanceTally } from "./corroboration.ts";
import { gradeSources, type GradedSource } from "./grades.ts";
import { lintIncident, type LintProblem, type SuggestedDependence } from "./lints.ts";
import { findOrigins, reasonEvidence, type OriginGroup, type Syndication } from "./origins.ts";

export * from "./admiralty.ts";
export * from "./corroboration.ts";
export * from "./grades.ts";
export * from "./lints.ts";
export * from "./origins.ts";

/** What the reliability core needs about one incident. */
export interface IncidentEvidence {
  /** Path of the incident's `sources.yaml`, for problems. */
  file: string;
  /** Path of the incident's write-up, for problems about its frontmatter. */
  incidentFile: string;
  /** The incident's frontmatter. */
  incident: Incident;
  /** Its sources, in file order. */
  sources: Source[];
  /** Its claims, in file order. */
  claims: Claim[];
  /** Every outlet, by id. */
  outlets: ReadonlyMap<string, Outlet>;
  /** Syndicated documents found by the archive engine, with the sources whose captures copy them. */
  syndication: Syndication[];
  /** Dependences the evidence suggests (see dossier/dependences.ts); none when absent. */
  suggestions?: SuggestedDependence[];
  /** The address each capture says it was captured from, by path under data/archives/. */
  captureUrls?: ReadonlyMap<string, string>;
}

/** The reliability assessment of one incident. */
export interface Assessment {
  /** Sources with the grades that apply, in file order. */
  sources: GradedSource[];
  /** Independent origin groups, ordered by first member. */
  origins: OriginGroup[];
  /** Source id → origin group id. */
  originOf: Map<string, string>;
  /** Claims with their stances counted, in file order. */
  claims: ClaimAssessment[];
  /** Lint warnings; the caller decides whether they stop the build. */
  lints: LintProblem[];
}

/** Grades sources, groups origins, counts corroboration and runs the lints for one incident. */
export function assessIncident(input: IncidentEvidence): Assessment {
  const sources = gradeSources(input.sources, input.outlets);
  const { groups, originOf, tracesTo } = findOrigins(
    input.sources,
    input.syndication,
    input.outlets,
  );
  const claims = assessClaims(
    input.claims,
    sources,
    tracesTo,
    groups.flatMap((group) => group.reasons),
  );
  const lints = lintIncident({
    file: input.file,
    incidentFile: input.incidentFile,
    incident: input.incident,
    sources,
    claims,
    outlets: input.outlets,
    suggestions: newSuggestions(input.suggestions ?? [], originOf, tracesTo),
    captureUrls: input.captureUrls ?? new Map(),
  });
  return { sources, origins: groups, originOf, claims, lints };
}

/**
 * The suggestions that say something new: between sources whose information does not already
 * come from one origin, and one per source and origin suggested.
 */
function newSuggestions(
  suggestions: readonly SuggestedDependence[],
  originOf: ReadonlyMap<string, string>,
  tracesTo: ReadonlyMap<string, readonly string[]>,
): SuggestedDependence[] {
  const seen = new Set<string>();
  return suggestions.filter((suggestion) => {
    const origin = originOf.get(suggestion.on);
    const key = `${suggestion.source}\u0000${origin ?? suggestion.on}`;
    const known =
      origin === originOf.get(suggestion.source) ||
      (origin !== undefined && (tracesTo.get(suggestion.source) ?? []).includes(origin));
    if (known || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Counts on one side of a claim, as `sources.json` gives them. */
export interface TallyJson {
  /** Number of sources (their ids are in the claim's stances). */
  sources: number;
  /** Number of distinct outlets. */
  outlets: number;
  /** Number of independent origins. */
  origins: number;
  /** Best judged reliability on this side, or null. */
  bestReliability: string | null;
  /** "3 outlets · 1 independent origin". */
  summary: string;
  /** Each independent origin, with the path from each source on this side to it. */
  traces: { origin: string; paths: { source: string; path: string[]; text: string }[] }[];
}

/**
 * The machine-readable `/incidents/<id>/sources.json`: the scale, graded sources, claims with
 * stances and counts, and origin groups. Absent values are null and keys are always written in
 * the same order, so that the same input gives the same bytes.
 */
export function sourcesJson(assessment: Assessment) {
  const tallyJson = (tally: StanceTally): TallyJson => ({
    sources: tally.sources.length,
    outlets: tally.outlets.length,
    origins: tally.origins.length,
    bestReliability: tally.bestReliability ?? null,
    summary: tally.summary,
    traces: tally.traces.map((trace) => ({
      origin: trace.origin,
      paths: trace.paths.map((path) => ({
        source: path.source,
        path: [path.source, ...path.steps.flatMap((step) => [step.link, step.to])],
        text: path.text,
      })),
    })),
  });
  return {
    scale: {
      reliability: Object.entries(reliabilityScale).map(([grade, meaning]) => ({
        grade,
        label: meaning.label,
        description: meaning.description,
      })),
      credibility: Object.entries(credibilityScale).map(([grade, meaning]) => ({
        grade: Number(grade),
        label: meaning.label,
        description: meaning.description,
      })),
    },
    sources: assessment.sources.map((graded) => ({
      id: graded.id,
      title: graded.source.title,
      outlet: graded.source.outlet,
      kind: graded.source.kind,
      author: graded.source.author ?? null,
      published: graded.source.published ?? null,
      url: graded.source.url ?? null,
      archived_url: graded.source.archived_url ?? null,
      captures: graded.source.captures,
      republished_from: graded.source.republished_from ?? null,
      based_on: graded.source.based_on,
      translated_from: graded.source.translated_from ?? null,
      origin: assessment.originOf.get(graded.id) ?? null,
      reliability: {
        grade: graded.reliability ?? null,
        label: graded.reliability === undefined ? null : reliabilityScale[graded.reliability].label,
        from: graded.reliabilitySource,
      },
      credibility: {
        grade: graded.credibility ?? null,
        label: graded.credibility === undefined ? null : credibilityScale[graded.credibility].label,
      },
      rationale: graded.rationale ?? null,
      rationaleFrom: graded.rationaleSource,
    })),
    claims: assessment.claims.map((claim) => ({
      id: claim.id,
      text: claim.claim.text,
      stances: Object.fromEntries(
        assessment.sources.flatMap((graded) => {
          const stance = Object.hasOwn(claim.claim.stances, graded.id)
            ? claim.claim.stances[graded.id]
            : undefined;
          return stance === undefined ? [] : [[graded.id, stance]];
        }),
      ),
      asserts: tallyJson(claim.asserts),
      disputes: tallyJson(claim.disputes),
      mentions: claim.mentions,
    })),
    origins: assessment.origins.map((group) => ({
      id: group.id,
      sources: group.sources,
      outlets: group.outlets,
      reasons: group.reasons.map((reason) => ({
        kind: reason.kind,
        from: reason.from,
        to: reason.to,
        document: reason.document ?? null,
        affiliation: reason.affiliation ?? null,
        evidence: reasonEvidence(reason),
      })),
    })),
  };
}
