/**
 * The grades grid: the Admiralty scale as a 6 × 6 grid, source reliability (A–F) across and
 * information credibility (1–6) down, with the ids of the sources graded so in each cell.
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import type { AutomaticChart } from "../automatic.ts";
import type { IncidentChartPlacement } from "../placements.ts";
import { paletteColor } from "../palette.ts";
import { tableFromRows } from "../rows-table.ts";
import { lineHeight, truncate } from "../text-fit.ts";
import type { Credibility, GradedSource, IncidentChartInput, Reliability } from "./inputs.ts";

const reliabilities: Reliability[] = ["A", "B", "C", "D", "E", "F"];
const credibilities: Credibility[] = [1, 2, 3, 4, 5, 6];
/** Ids listed in one cell before "+N more". */
const idsPerCell = 4;
/** Characters of an id shown in a cell, which is about 95 pixels wide (the data table has them whole). */
const idLength = 15;

type Graded = GradedSource & { reliability: Reliability; credibility: Credibility };

function graded(sources: GradedSource[]): Graded[] {
  return sources.filter(
    (source): source is Graded =>
      source.reliability !== undefined && source.credibility !== undefined,
  );
}

/** The Plot spec of the grades grid for graded sources (ungraded ones are left out). */
function gradesGridSpec(sources: GradedSource[]): PlotOptions {
  const all = reliabilities.flatMap((reliability) =>
    credibilities.map((credibility) => ({ reliability, credibility })),
  );
  const cells = all
    .map(({ reliability, credibility }) => {
      const ids = graded(sources)
        .filter(
          (source) => source.reliability === reliability && source.credibility === credibility,
        )
        .map((source) => source.id);
      const shown = ids.slice(0, idsPerCell).map((id) => truncate(id, idLength));
      if (ids.length > idsPerCell) shown.push(`+${ids.length - idsPerCell} more`);
      return {
        reliability,
        credibility,
        count: ids.length,
        ids: shown.join("\n"),
        note: `${reliability}${credibility}: ${ids.join(", ")}`,
      };
    })
    .filter((cell) => cell.count > 0);
  // Rows tall enough for the fullest cell's lines: a cell never spills into the next.
  const lines = Math.max(1, ...cells.map((cell) => cell.ids.split("\n").length));
  const rowHeight = Math.max(48, lines * lineHeight + 12);
  const marginTop = 40;
  const marginBottom = 10;
  return {
    height: marginTop + credibilities.length * rowHeight + marginBottom,
    width: 640,
    marginTop,
    marginBottom,
    marginRight: 10,
    marginLeft: 50,
    padding: 0,
    x: {
      domain: reliabilities,
      label: "Reliability of the source (A reliable … F cannot be judged)",
      axis: "top",
      tickSize: 0,
    },
    y: {
      domain: credibilities,
      // Short enough to stand beside six rows of the smallest height.
      label: "Credibility (1 confirmed … 6 cannot be judged)",
      tickSize: 0,
    },
    marks: [
      Plot.cell(all, {
        x: "reliability",
        y: "credibility",
        fill: "none",
        stroke: "currentColor",
        strokeOpacity: 0.2,
      }),
      Plot.cell(cells, {
        x: "reliability",
        y: "credibility",
        fill: paletteColor(1),
        fillOpacity: 0.3,
        inset: 1,
        title: "note",
      }),
      Plot.text(cells, { x: "reliability", y: "credibility", text: "ids", lineHeight: 1.2 }),
    ],
  };
}

/** "Grades of 4 sources on the Admiralty scale" and the sources per grade. */
function describeGrades(sources: GradedSource[]): { title: string; description: string } {
  const gradedSources = graded(sources);
  const byGrade = new Map<string, string[]>();
  for (const reliability of reliabilities) {
    for (const credibility of credibilities) {
      const ids = gradedSources
        .filter((s) => s.reliability === reliability && s.credibility === credibility)
        .map((s) => s.id);
      if (ids.length > 0) byGrade.set(`${reliability}${credibility}`, ids);
    }
  }
  const cells = [...byGrade].map(([grade, ids]) => `${grade}: ${ids.join(", ")}`);
  const ungraded = sources.length - gradedSources.length;
  const rest =
    ungraded > 0 ? ` ${ungraded} ${ungraded === 1 ? "source is" : "sources are"} not graded.` : "";
  const count = gradedSources.length;
  return {
    title: `Grades of ${count} ${count === 1 ? "source" : "sources"} on the Admiralty scale`,
    description: `Source reliability A (reliable) to F (cannot be judged) against information credibility 1 (confirmed) to 6 (cannot be judged). ${cells.join("; ")}.${rest}`,
  };
}

/** Grades grid of an incident's sources; drawn once one source is graded. */
export const gradesGrid: AutomaticChart<IncidentChartInput, IncidentChartPlacement> = {
  name: "grades-grid",
  label: "Sources by reliability and credibility",
  placement: "sources",
  applies: (input) => graded(input.sources ?? []).length > 0,
  spec: (input) => gradesGridSpec(input.sources ?? []),
  describe: (input) => describeGrades(input.sources ?? []),
  table: (input, file) =>
    tableFromRows(
      file,
      [
        { name: "source", type: "string" },
        { name: "reliability", type: "string" },
        { name: "credibility", type: "number" },
      ],
      graded(input.sources ?? []).map((source) => ({
        source: source.id,
        reliability: source.reliability,
        credibility: source.credibility,
      })),
    ),
};
