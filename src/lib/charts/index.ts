/** The chart core's public surface: data files, server-side Plot rendering, tables, automatic charts. */

/** Typed data tables from CSV, TSV, JSON and YAML files. */
export { parseDataFile } from "./data.ts";
/** Table types shared by the chart core. */
export type { Row } from "./table-types.ts";
/** Plot spec → deterministic, accessible, sanitised SVG markup. */
export { renderChart } from "./render.ts";
/** Rendered SVGs cached on disk, keyed by the chart's inputs and the renderer version. */
export { buildChartCache, renderCached, rendererVersion } from "./render-cache.ts";
/** A chart cache: where, and for which renderer. */
export type { ChartCache } from "./render-cache.ts";
/** The data behind a chart as an HTML table. */
export { dataTableHtml } from "./table.ts";
/** Automatic charts: registries, specs and rendering. */
export * from "./automatic.ts";
