import type { Outlet } from "../../schemas/outlet.ts";
import type { Source } from "../../schemas/sources.ts";
import { credibilityScale, reliabilityScale } from "../reliability/admiralty.ts";
import type { Dossier } from "./dossier.ts";

/** One row of the source-reliability table, ready to lay out. */
export interface SourceRow {
  /** The source. */
  source: Source;
  /** Its outlet, if known. */
  outlet: Outlet | undefined;
  /** Reliability letter, or undefined when nobody graded it. */
  reliability: string | undefined;
  /** "usually reliable — <description>" for the cell's accessible description. */
  reliabilityMeaning: string;
  /** Whether the letter was set on the source or inherited from its outlet. */
  reliabilityFrom: "source" | "outlet" | "none";
  /** Credibility digit, or undefined. */
  credibility: number | undefined;
  /** "probably true — <description>". */
  credibilityMeaning: string;
  /** Why these grades. */
  rationale: string | undefined;
  /** Claims the source asserts, as [id, text]. */
  asserts: [string, string][];
  /** Claims it disputes. */
  disputes: [string, string][];
  /** Its origin group id and the other sources in it. */
  origin: { id: string; size: number; others: string[] } | undefined;
  /** Number of deduplicated documents from its captures. */
  documents: number;
}

/** Sort keys for the table's enhancement script: reliability A best, credibility 1 best. */
export function gradeRank(grade: string | number | undefined): number {
  if (grade === undefined) return 99;
  return typeof grade === "number" ? grade : "ABCDEF".indexOf(grade) + 1;
}

/** The rows of the source-reliability table, in sources.yaml order (the author's order). */
export function sourceRows(dossier: Dossier): SourceRow[] {
  const groups = new Map(dossier.assessment.origins.map((group) => [group.id, group]));
  return dossier.assessment.sources.map((graded) => {
    const claimsWith = (stance: string) =>
      dossier.claims
        .filter((claim) => claim.stances[graded.id] === stance)
        .map((claim): [string, string] => [claim.id, claim.text]);
    const originId = dossier.assessment.originOf.get(graded.id);
    const group = originId === undefined ? undefined : groups.get(originId);
    return {
      source: graded.source,
      outlet: graded.outlet,
      reliability: graded.reliability,
      reliabilityMeaning:
        graded.reliability === undefined
          ? "not graded"
          : `${reliabilityScale[graded.reliability].label}: ${reliabilityScale[graded.reliability].description}`,
      reliabilityFrom: graded.reliabilitySource,
      credibility: graded.credibility,
      credibilityMeaning:
        graded.credibility === undefined
          ? "not graded"
          : `${credibilityScale[graded.credibility].label}: ${credibilityScale[graded.credibility].description}`,
      rationale: graded.rationale,
      asserts: claimsWith("asserts"),
      disputes: claimsWith("disputes"),
      origin: group && {
        id: group.id,
        size: group.sources.length,
        others: group.sources.filter((id) => id !== graded.id),
      },
      documents: dossier.evidence.documentsOf.get(graded.id)?.length ?? 0,
    };
  });
}
