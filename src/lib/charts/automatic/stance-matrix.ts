/**
 * The stance matrix: claims down, sources across, each cell marked with how the source treats
 * the claim. Colour and a symbol both carry the stance, so it reads in grey print too.
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import type { AutomaticChart } from "../automatic.ts";
import type { IncidentChartPlacement } from "../placements.ts";
import { stanceColors } from "../palette.ts";
import { tableFromRows } from "../rows-table.ts";
import { marginFor, truncate } from "../text-fit.ts";
import type { ChartClaim, ChartStance, IncidentChartInput, Stance } from "./inputs.ts";

const stances: Stance[] = ["asserts", "disputes", "mentions"];
const symbols = { asserts: "+", disputes: "−", mentions: "○" } as const satisfies Record<
  Stance,
  string
>;
const claimLength = 40;

/** Ids in first-seen order across the given lists (so stances on unlisted ids are still drawn). */
function unique(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The Plot spec of the stance matrix. */
function stanceMatrixSpec(
  claims: ChartClaim[],
  sources: { id: string }[],
  stanceList: ChartStance[],
): PlotOptions {
  const claimIds = unique(
    claims.map((claim) => claim.id),
    stanceList.map((stance) => stance.claim),
  );
  const sourceIds = unique(
    sources.map((source) => source.id),
    stanceList.map((stance) => stance.source),
  );
  const texts = new Map(claims.map((claim) => [claim.id, truncate(claim.text, claimLength)]));
  const grid = claimIds.flatMap((claim) => sourceIds.map((source) => ({ claim, source })));
  const rows = stanceList.map((stance) => ({
    ...stance,
    symbol: symbols[stance.stance],
    note: `${stance.source} ${stance.stance} ${stance.claim}`,
  }));
  const rotate = sourceIds.length > 6;
  return {
    height: 40 + (rotate ? 60 : 30) + claimIds.length * 28,
    width: Math.max(
      320,
      Math.min(900, marginFor([...texts.values()], claimLength) + 60 + sourceIds.length * 44),
    ),
    marginLeft: marginFor([...texts.values(), ...claimIds], claimLength),
    marginBottom: rotate ? 70 : 36,
    padding: 0,
    x: { domain: sourceIds, label: "Source", tickRotate: rotate ? -40 : 0, tickSize: 0 },
    y: {
      domain: claimIds,
      label: null,
      tickFormat: (id: string) => texts.get(id) ?? id,
      tickSize: 0,
    },
    color: {
      domain: stances,
      range: stances.map((stance) => stanceColors[stance]),
      legend: true,
      tickFormat: (stance: Stance) => `${symbols[stance]} ${stance}`,
    },
    marks: [
      Plot.cell(grid, {
        x: "source",
        y: "claim",
        fill: "none",
        stroke: "currentColor",
        strokeOpacity: 0.2,
      }),
      Plot.cell(rows, { x: "source", y: "claim", fill: "stance", inset: 1.5, title: "note" }),
      Plot.text(rows, {
        x: "source",
        y: "claim",
        text: "symbol",
        fontSize: 14,
        fontWeight: "bold",
      }),
    ],
  };
}

const verbs = {
  asserts: "asserted by",
  disputes: "disputed by",
  mentions: "mentioned by",
} as const satisfies Record<Stance, string>;

/** "Stances of 4 sources on 2 claims" and, per claim, who asserts, disputes or mentions it. */
function describeStances(
  claims: ChartClaim[],
  stanceList: ChartStance[],
): { title: string; description: string } {
  const claimIds = unique(
    claims.map((claim) => claim.id),
    stanceList.map((stance) => stance.claim),
  );
  const sourceCount = new Set(stanceList.map((stance) => stance.source)).size;
  const texts = new Map(claims.map((claim) => [claim.id, claim.text]));
  const sentences = claimIds.map((id) => {
    const parts = stances
      .map((stance) => {
        const sources = stanceList
          .filter((s) => s.claim === id && s.stance === stance)
          .map((s) => s.source);
        return sources.length > 0 ? `${verbs[stance]} ${sources.join(", ")}` : "";
      })
      .filter((part) => part !== "");
    const text = texts.get(id);
    return `${id}${text === undefined ? "" : ` (${text})`}: ${parts.length > 0 ? parts.join("; ") : "no stances"}.`;
  });
  return {
    title: `Stances of ${sourceCount} ${sourceCount === 1 ? "source" : "sources"} on ${claimIds.length} ${claimIds.length === 1 ? "claim" : "claims"}`,
    description: sentences.join(" "),
  };
}

/** Stance matrix of an incident's claims; drawn once one source takes a stance. */
export const stanceMatrix: AutomaticChart<IncidentChartInput, IncidentChartPlacement> = {
  name: "stance-matrix",
  label: "Claims and the sources' stances",
  placement: "claims",
  applies: (input) => (input.claims?.length ?? 0) > 0 && (input.stances?.length ?? 0) > 0,
  spec: (input) => stanceMatrixSpec(input.claims ?? [], input.sources ?? [], input.stances ?? []),
  describe: (input) => describeStances(input.claims ?? [], input.stances ?? []),
  table: (input, file) =>
    tableFromRows(
      file,
      [
        { name: "claim", type: "string" },
        { name: "source", type: "string" },
        { name: "stance", type: "string" },
      ],
      (input.stances ?? []).map((stance) => ({
        claim: stance.claim,
        source: stance.source,
        stance: stance.stance,
      })),
    ),
};
