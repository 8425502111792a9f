/**
 * Corroboration of a claim: who asserts it, who disputes it, who only mentions it, and how many
 * distinct outlets and independent origins stand behind each side. Counting origins rather than
 * articles is the point: a republication chain is one voice however many outlets carry it.
 */
import type { Claim } from "../../schemas/sources.ts";
import { bestReliability, type Reliability } from "./admiralty.ts";
import type { GradedSource } from "./grades.ts";
import { dependencyPath, type DependencyPath, type OriginReason } from "./origins.ts";

/** The sources on one side of a claim, with what they amount to. */
export interface StanceTally {
  /** Source ids, in source-file order. */
  sources: string[];
  /** Distinct outlet ids, in order of first appearance. */
  outlets: string[];
  /** Distinct origin group ids, in order of first appearance. */
  origins: string[];
  /** Per origin (same order): how each source on this side reaches it. */
  traces: { origin: string; paths: DependencyPath[] }[];
  /** Sources on this side that reach their origin through another source (a path with a step). */
  dependent: number;
  /** Best judged reliability among these sources (see `bestReliability`), if any is graded. */
  bestReliability: Reliability | undefined;
  /** For a reader: "3 outlets · 1 independent origin", or "no sources". */
  summary: string;
}

/** A claim with its stances counted. */
export interface ClaimAssessment {
  /** The claim's id. */
  id: string;
  /** Position in `sources.yaml`, for field paths such as `claims[2].stances`. */
  index: number;
  /** The claim as validated. */
  claim: Claim;
  /** Sources asserting it. */
  asserts: StanceTally;
  /** Sources disputing it. */
  disputes: StanceTally;
  /** Ids of sources that mention it without taking a side, in source-file order. */
  mentions: string[];
}

/**
 * Counts every claim's stances; stances naming unknown sources are left out (a lint reports them).
 * `tracesTo` gives the origins each source's information comes from (see `findOrigins`), `reasons`
 * the links that joined origin groups, for the path from each source to its origins.
 */
export function assessClaims(
  claims: readonly Claim[],
  sources: readonly GradedSource[],
  tracesTo: ReadonlyMap<string, readonly string[]>,
  reasons: readonly OriginReason[] = [],
): ClaimAssessment[] {
  return claims.map((claim, index) => {
    const taking = (stance: string) =>
      sources.filter((source) => claim.stances[source.id] === stance);
    return {
      id: claim.id,
      index,
      claim,
      asserts: tally(taking("asserts"), tracesTo, reasons),
      disputes: tally(taking("disputes"), tracesTo, reasons),
      mentions: taking("mentions").map((source) => source.id),
    };
  });
}

/** Counts sources, outlets and origins on one side of a claim. */
function tally(
  sources: readonly GradedSource[],
  tracesTo: ReadonlyMap<string, readonly string[]>,
  reasons: readonly OriginReason[],
): StanceTally {
  const outlets = [...new Set(sources.map((graded) => graded.source.outlet))];
  // A source missing from the origin map is its own origin, so it is never silently merged.
  const originsOf = (graded: GradedSource) => tracesTo.get(graded.id) ?? [`origin-${graded.id}`];
  const origins = [...new Set(sources.flatMap(originsOf))];
  const traces = origins.map((origin) => ({
    origin,
    paths: sources
      .filter((graded) => originsOf(graded).includes(origin))
      .map((graded) => dependencyPath(reasons, graded.id, origin)),
  }));
  return {
    sources: sources.map((graded) => graded.id),
    outlets,
    origins,
    traces,
    dependent: new Set(
      traces.flatMap((trace) =>
        trace.paths.filter((path) => path.steps.length > 0).map((path) => path.source),
      ),
    ).size,
    bestReliability: bestReliability(sources.map((graded) => graded.reliability)),
    summary: corroborationSummary(sources.length, outlets.length, origins.length),
  };
}

/** "3 outlets · 1 independent origin"; "no sources" when nobody takes the side. */
export function corroborationSummary(sources: number, outlets: number, origins: number): string {
  if (sources === 0) return "no sources";
  return `${plural(outlets, "outlet")} · ${plural(origins, "independent origin")}`;
}

/** "1 outlet", "2 outlets". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
