import type { Outlet } from "../../schemas/outlet.ts";
import type { Source } from "../../schemas/sources.ts";
import { credibilityScale, notGraded, reliabilityScale } from "../reliability/admiralty.ts";
import type { Dossier } from "./dossier.ts";

/** One row of the source-reliability table, ready to lay out. */
export interface SourceRow {
  /** The source. */
  source: Source;
  /** Its outlet, if known. */
  outlet: Outlet | undefined;
  /** Reliability letter, or undefined when nobody graded it. */
  reliability: string | undefined;
  /** What the letter means in a few words ("usually reliable"), shown next to it. */
  reliabilityLabel: string;
  /** "usually reliable: <description>", the whole sentence, for the cell's title. */
  reliabilityMeaning: string;
  /** Whether the letter was set on the source or inherited from its outlet. */
  reliabilityFrom: "source" | "outlet" | "none";
  /** Credibility digit, or undefined. */
  credibility: number | undefined;
  /** What the digit means in a few words ("probably true"), shown next to it. */
  credibilityLabel: string;
  /** "probably true: <description>". */
  credibilityMeaning: string;
  /** Why these grades. */
  rationale: string | undefined;
  /** Claims the source asserts, as [id, text]. */
  asserts: [string, string][];
  /** Claims it disputes. */
  disputes: [string, string][];
  /**
   * Its origin group: the group's id (an anchor), how many sources it holds, the other sources' ids,
   * and the title of the source the group's information comes from (which names the origin).
   */
  origin: { id: string; size: number; others: string[]; title: string } | undefined;
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
  // An origin group's id is "origin-" + the id of its original source (see findOrigins).
  const titles = new Map(dossier.assessment.sources.map((s) => [s.source.id, s.source.title]));
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
      reliabilityLabel:
        graded.reliability === undefined ? notGraded : reliabilityScale[graded.reliability].label,
      reliabilityMeaning:
        graded.reliability === undefined
          ? notGraded
          : `${reliabilityScale[graded.reliability].label}: ${reliabilityScale[graded.reliability].description}`,
      reliabilityFrom: graded.reliabilitySource,
      credibility: graded.credibility,
      credibilityLabel:
        graded.credibility === undefined ? notGraded : credibilityScale[graded.credibility].label,
      credibilityMeaning:
        graded.credibility === undefined
          ? notGraded
          : `${credibilityScale[graded.credibility].label}: ${credibilityScale[graded.credibility].description}`,
      rationale: graded.rationale,
      asserts: claimsWith("asserts"),
      disputes: claimsWith("disputes"),
      origin: group && {
        id: group.id,
        size: group.sources.length,
        others: group.sources.filter((id) => id !== graded.id),
        title: titles.get(group.id.replace(/^origin-/, "")) ?? group.id.replace(/^origin-/, ""),
      },
      documents: dossier.evidence.documentsOf.get(graded.id)?.length ?? 0,
    };
  });
}
