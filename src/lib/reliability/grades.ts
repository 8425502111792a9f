/**
 * A source's grades as a reader sees them: its own reliability, else its outlet's default, else
 * none ("not graded"). Credibility belongs to the information, so it is never inherited.
 */
import type { Outlet } from "../../schemas/outlet.ts";
import type { Source } from "../../schemas/sources.ts";
import type { Credibility, Reliability } from "./admiralty.ts";

/** Where a grade or a rationale came from. */
type GradeOrigin = "source" | "outlet" | "none";

/** A source with the grades that apply to it. */
export interface GradedSource {
  /** The source's id. */
  id: string;
  /** Position in `sources.yaml`, for field paths such as `sources[3].credibility`. */
  index: number;
  /** The source as validated. */
  source: Source;
  /** Its outlet, when `data/outlets.yaml` has it. */
  outlet: Outlet | undefined;
  /** Reliability that applies: the source's own, else the outlet's default, else undefined. */
  reliability: Reliability | undefined;
  /** Whether the reliability was set on the source, inherited from the outlet, or is missing. */
  reliabilitySource: GradeOrigin;
  /** Credibility of the information, as the source file grades it. */
  credibility: Credibility | undefined;
  /** Why these grades: the source's own rationale, else the outlet's when the grade is inherited. */
  rationale: string | undefined;
  /** Where the rationale came from. */
  rationaleSource: GradeOrigin;
}

/** Grades every source, inheriting reliability from its outlet; keeps input order. */
export function gradeSources(
  sources: readonly Source[],
  outlets: ReadonlyMap<string, Outlet>,
): GradedSource[] {
  return sources.map((source, index) => gradeSource(source, index, outlets.get(source.outlet)));
}

/** Grades one source against its outlet. */
function gradeSource(source: Source, index: number, outlet: Outlet | undefined): GradedSource {
  const reliabilitySource: GradeOrigin =
    source.reliability !== undefined
      ? "source"
      : outlet?.reliability !== undefined
        ? "outlet"
        : "none";
  const reliability = source.reliability ?? outlet?.reliability;
  // The outlet's rationale justifies the outlet's default only, so it is not shown under a grade
  // the source overrides.
  const inheritedRationale = reliabilitySource === "outlet" ? outlet?.rationale : undefined;
  const rationale = source.rationale ?? inheritedRationale;
  const rationaleSource: GradeOrigin =
    source.rationale !== undefined
      ? "source"
      : inheritedRationale !== undefined
        ? "outlet"
        : "none";
  return {
    id: source.id,
    index,
    source,
    outlet,
    reliability,
    reliabilitySource,
    credibility: source.credibility,
    rationale,
    rationaleSource,
  };
}
