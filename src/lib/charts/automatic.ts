/**
 * Automatic charts: a registry of charts the generator draws without the author writing a spec —
 * per incident (timeline, grades grid, stance matrix) and for the whole site (incident timeline,
 * counts by type and by country). Each entry says where it appears, when it applies, its Plot spec
 * and its data.
 */
import type { PlotOptions } from "@observablehq/plot";
import { gradesGrid } from "./automatic/grades-grid.ts";
import { countsBy, incidentTimelineChart } from "./automatic/site.ts";
import { stanceMatrix } from "./automatic/stance-matrix.ts";
import { timeline } from "./automatic/timeline.ts";
import type { IncidentChartInput, SiteChartInput } from "./automatic/inputs.ts";
import type { IncidentChartPlacement, SiteChartPlacement } from "./placements.ts";
import { renderChart } from "./render.ts";
import { renderCached, type ChartCache } from "./render-cache.ts";
import { dataTableHtml } from "./table.ts";
import type { DataTable } from "./table-types.ts";

/** Input shapes of the automatic charts. */
export type * from "./automatic/inputs.ts";
/** Sections automatic charts appear in, and the charts of one section. */
export * from "./placements.ts";
export { countsBy, incidentTimeline } from "./automatic/site.ts";
export { timelineSpec } from "./automatic/timeline.ts";

/** One automatic chart: where it appears, when it applies, what it draws, the data behind it. */
export interface AutomaticChart<Input, Placement extends string = string> {
  /** Stable name, used in ids and anchors (`timeline`, `grades-grid`, …). */
  name: string;
  /** Heading for readers, e.g. "Timeline of events". */
  label: string;
  /** The section of its page the chart is drawn in (see `placements.ts`). */
  placement: Placement;
  /** True when the input has enough to make the chart worth drawing. */
  applies(input: Input): boolean;
  /** The Plot spec for the input. */
  spec(input: Input): PlotOptions;
  /** Accessible name and description written for the chart (rather than generated from marks). */
  describe(input: Input): { title: string; description: string };
  /** The data behind the chart, for the table under it; `file` is where the data came from. */
  table(input: Input, file: string): DataTable;
}

/** Charts on every incident page; within a section, in page order. */
export const incidentCharts: AutomaticChart<IncidentChartInput, IncidentChartPlacement>[] = [
  timeline,
  gradesGrid,
  stanceMatrix,
];

/** Charts on the site's home page; within a section, in page order. */
export const siteCharts: AutomaticChart<SiteChartInput, SiteChartPlacement>[] = [
  incidentTimelineChart,
  countsBy("types"),
  countsBy("countries"),
];

/** A drawn automatic chart, ready for a component to lay out. */
export interface RenderedAutomaticChart<Placement extends string = string> {
  /** The chart's registry name. */
  name: string;
  /** The chart's heading. */
  label: string;
  /** The section of its page the chart is drawn in. */
  placement: Placement;
  /** Page-unique id of the chart's root element. */
  id: string;
  /** The chart's SVG (or figure) markup. */
  svg: string;
  /** The `<table>` of the data behind it. */
  table: string;
}

/** The registry entries that apply to the input, in registry order. */
export function applicableCharts<Input, Placement extends string>(
  registry: readonly AutomaticChart<Input, Placement>[],
  input: Input,
): AutomaticChart<Input, Placement>[] {
  return registry.filter((chart) => chart.applies(input));
}

/**
 * Renders every applicable chart of a registry; ids are `<idPrefix>-<name>`. With a `cache`, a
 * chart drawn before from the same input is read back instead (its spec is a function of the
 * input and of this folder's code, which the cache's renderer version covers).
 */
export function renderAutomaticCharts<Input, Placement extends string>(
  registry: readonly AutomaticChart<Input, Placement>[],
  input: Input,
  options: { file: string; idPrefix: string; cache?: ChartCache | undefined },
): RenderedAutomaticChart<Placement>[] {
  return applicableCharts(registry, input).map((chart) => {
    const id = `${options.idPrefix}-${chart.name}`;
    const { title, description } = chart.describe(input);
    const place = { id, file: options.file, label: chart.label, title, description };
    // The file only names the chart in error messages, which are never cached; left out of the
    // key, so that the check's warm-up (which names files from the site root) and the pages agree.
    const { file: _file, ...drawn } = place;
    const svg = renderCached(options.cache, { automatic: chart.name, input, place: drawn }, () =>
      renderChart(chart.spec(input), place),
    );
    const table = dataTableHtml(chart.table(input, options.file), {
      caption: `Data: ${chart.label}`,
    });
    return { name: chart.name, label: chart.label, placement: chart.placement, id, svg, table };
  });
}
