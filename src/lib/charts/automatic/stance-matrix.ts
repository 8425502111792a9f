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
import { labelWidth, lineHeight, marginFor, truncate, wrap } from "../text-fit.ts";
import type { ChartClaim, ChartStance, IncidentChartInput, Stance } from "./inputs.ts";

const stances: Stance[] = ["asserts", "disputes", "mentions"];
const symbols = { asserts: "+", disputes: "−", mentions: "○" } as const satisfies Record<
  Stance,
  string
>;
/** Characters per line of a claim's label, and lines at most (the claims table has the whole text). */
const claimWidth = 34;
const claimLines = 5;
/** Characters of a source id shown under its column (the data table has the whole id). */
const sourceLength = 28;
/** Column width with upright labels at most, and with labels turned to read upwards. */
const maxColumn = 150;
const turnedColumn = 26;
/** Widest drawing before labels are turned rather than the columns widened. */
const maxWidth = 900;

/** Ids in first-seen order across the given lists (so stances on unlisted ids are still drawn). */
function unique(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The claims (rows) and sources (columns) the matrix draws. */
function axes(
  claims: ChartClaim[],
  sources: { id: string }[],
  stanceList: ChartStance[],
): { claimIds: string[]; sourceIds: string[] } {
  return {
    claimIds: unique(
      claims.map((claim) => claim.id),
      stanceList.map((stance) => stance.claim),
    ),
    sourceIds: unique(
      sources.map((source) => source.id),
      stanceList.map((stance) => stance.source),
    ),
  };
}

/**
 * The Plot spec of the stance matrix. Claims are wrapped over up to four lines and the rows grow to
 * hold them; source ids stand upright under columns wide enough for them, or, when that would make
 * the drawing too wide, read upwards under narrow columns, with the axis title below them.
 */
function stanceMatrixSpec(
  claims: ChartClaim[],
  sources: { id: string }[],
  stanceList: ChartStance[],
): PlotOptions {
  const { claimIds, sourceIds } = axes(claims, sources, stanceList);
  const texts = new Map(claims.map((claim) => [claim.id, claim.text]));
  const labels = new Map(
    claimIds.map((id) => [id, wrap(texts.get(id) ?? id, claimWidth, claimLines)]),
  );
  const lines = Math.max(1, ...[...labels.values()].map((label) => label.length));
  const marginLeft = marginFor([...labels.values()].flat(), claimWidth);
  const shortIds = sourceIds.map((id) => truncate(id, sourceLength));
  const longest = labelWidth(Math.max(0, ...shortIds.map((id) => Array.from(id).length)));
  const upright = Math.min(maxColumn, Math.max(44, longest + 12));
  const turn = marginLeft + sourceIds.length * upright > maxWidth;
  const column = turn ? turnedColumn : upright;
  const rowHeight = Math.max(28, lines * lineHeight + 10);
  const marginBottom = turn ? longest + 30 : 40;
  const marginTop = 10;
  const marginRight = 10;
  const grid = claimIds.flatMap((claim) => sourceIds.map((source) => ({ claim, source })));
  const rows = stanceList.map((stance) => ({
    ...stance,
    symbol: symbols[stance.stance],
    note: `${stance.source} ${stance.stance} ${stance.claim}`,
  }));
  return {
    height: marginTop + claimIds.length * rowHeight + marginBottom,
    // Never narrower than Plot's default 640: the SVG fills its column, and a narrow drawing
    // scaled up would print its labels large.
    width: Math.max(640, marginLeft + sourceIds.length * column + marginRight),
    marginLeft,
    marginTop,
    marginRight,
    marginBottom,
    padding: 0,
    x: {
      domain: sourceIds,
      label: "Source",
      labelAnchor: "center",
      tickRotate: turn ? -90 : 0,
      tickSize: 0,
      tickFormat: (id: string) => truncate(id, sourceLength),
    },
    y: {
      domain: claimIds,
      label: null,
      tickFormat: (id: string) => (labels.get(id) ?? [id]).join("\n"),
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

/**
 * "Stances of 4 sources on 2 claims", counting the columns and rows drawn, and, per claim, who
 * asserts, disputes or mentions it.
 */
function describeStances(
  claims: ChartClaim[],
  sources: { id: string }[],
  stanceList: ChartStance[],
): { title: string; description: string } {
  const { claimIds, sourceIds } = axes(claims, sources, stanceList);
  const sourceCount = sourceIds.length;
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
  describe: (input) =>
    describeStances(input.claims ?? [], input.sources ?? [], input.stances ?? []),
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
