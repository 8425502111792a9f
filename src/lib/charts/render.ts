/**
 * Observable Plot rendered on the server: a Plot spec becomes self-contained, deterministic,
 * accessible SVG markup styled by the site stylesheet (`charts.css`).
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions, ScaleOptions } from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { CasefileError } from "../errors.ts";
import { chartName, checkChannels, marksOf, watchColumns } from "./check.ts";
import type { ChartPlace } from "./check.ts";
import { describeChart } from "./describe.ts";
import type { RenderedPlot } from "./describe.ts";
import { categoricalPalette, chartClass } from "./palette.ts";
import { sanitizeChart } from "./sanitize.ts";
import { serialize } from "./serialize.ts";
import { stabilizeChart } from "./stabilize.ts";

/** How to render one chart and how to name it in errors. */
export interface RenderOptions extends ChartPlace {
  /** Page-unique id; the root element gets it and every inner id is derived from it. */
  id: string;
  /** Accessible name; generated from the spec and data when absent. */
  title?: string | undefined;
  /** Accessible description; generated from the scales when absent. */
  description?: string | undefined;
  /** Width in pixels of the drawing (the SVG scales to its column); defaults to the spec's or 640. */
  width?: number | undefined;
}

const idPattern = /^[A-Za-z][A-Za-z0-9_-]*$/;
const positionScales = ["x", "y", "fx", "fy"] as const;
const plotDocsHint =
  "Check the mark's options against the Observable Plot documentation (https://observablehq.com/plot/)";

/** Renders a Plot spec to SVG markup (a `<figure>` when Plot adds a legend, title or caption). */
export function renderChart(spec: PlotOptions, options: RenderOptions): string {
  if (!idPattern.test(options.id)) {
    throw new CasefileError({
      file: options.file,
      message: `${chartName(options)} has the id "${options.id}", which cannot be used as an HTML id`,
      hint: "Use letters, digits, hyphens and underscores, starting with a letter",
    });
  }
  checkChannels(spec, options);
  const first = draw(prepare(spec, options, undefined), options);
  let plot = first;
  // Plot picks ordinal or continuous colour only while rendering; only ordinal scales can take
  // the CSS-variable palette (continuous ones interpolate between real colours).
  if (wantsPalette(spec.color, first.plot.scale("color")?.type ?? undefined)) {
    plot = draw(prepare(spec, options, categoricalPalette), options);
  }
  return finish(spec, plot, options);
}

/** The spec as handed to Plot: server document, fixed class, width, UTC time, palette. */
function prepare(
  spec: PlotOptions,
  options: RenderOptions,
  palette: readonly string[] | undefined,
): PlotOptions {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const prepared: PlotOptions = {
    ...spec,
    document: document,
    className: chartClass,
  };
  const width = options.width ?? spec.width;
  if (width !== undefined) prepared.width = width;
  // A local-time scale would format ticks in the build machine's time zone.
  for (const name of positionScales) {
    const scale = spec[name];
    if (scale?.type === "time") prepared[name] = { ...scale, type: "utc" };
  }
  if (palette) prepared.color = { ...spec.color, range: [...palette] };
  return prepared;
}

function wantsPalette(color: ScaleOptions | undefined, type: string | undefined): boolean {
  if (type !== "ordinal" && type !== "categorical") return false;
  return (
    color?.range === undefined && color?.scheme === undefined && color?.interpolate === undefined
  );
}

/** One render, with column watching and mark tagging; Plot's own errors become author errors. */
function draw(
  spec: PlotOptions,
  place: ChartPlace,
): { plot: Element & RenderedPlot; counts: number[] } {
  const marks = marksOf(spec) as { className?: string | undefined }[];
  const classNames = marks.map((mark) => mark.className);
  marks.forEach((mark, index) => (mark.className = `cf-mark-${index}`));
  const watch = watchColumns(spec, place);
  let plot: Element & RenderedPlot;
  try {
    plot = Plot.plot(spec);
  } catch (error) {
    watch.report();
    const detail = error instanceof Error ? error.message : String(error);
    throw new CasefileError({
      file: place.file,
      message: `${chartName(place)} could not be drawn: ${detail}`,
      hint: plotDocsHint,
    });
  } finally {
    watch.restore();
    marks.forEach((mark, index) => (mark.className = classNames[index]));
  }
  watch.report();
  const counts = marks.map((_, index) => {
    const groups = Array.from(plot.querySelectorAll(`.cf-mark-${index}`));
    for (const group of groups) {
      const original = classNames[index];
      if (original === undefined) group.removeAttribute("class");
      else group.setAttribute("class", original);
    }
    return groups.reduce((sum, group) => sum + countItems(group), 0);
  });
  return { plot, counts };
}

const shapes = new Set([
  "rect",
  "circle",
  "ellipse",
  "path",
  "line",
  "polyline",
  "polygon",
  "text",
  "image",
]);

/** Drawn items in a mark's group: shapes, looking through links and sub-groups. */
function countItems(group: Element): number {
  let count = 0;
  for (const child of Array.from(group.children)) {
    if (shapes.has(child.localName)) count += 1;
    else if (child.localName === "a" || child.localName === "g") count += countItems(child);
  }
  return count;
}

/** Accessible name and description, stable ids, sanitising, serialisation. */
function finish(
  spec: PlotOptions,
  rendered: { plot: Element & RenderedPlot; counts: number[] },
  options: RenderOptions,
): string {
  const { plot, counts } = rendered;
  const generated = describeChart(spec, plot, counts);
  const svg = plot.localName === "svg" ? plot : plot.querySelector(`svg.${chartClass}`);
  if (svg === null)
    throw new CasefileError({
      file: options.file,
      message: `${chartName(options)} drew no SVG`,
      hint: plotDocsHint,
    });
  stabilizeChart(plot, options.id);
  sanitizeChart(plot);
  const document = svg.ownerDocument;
  const title = document.createElementNS(svg.namespaceURI, "title");
  title.setAttribute("id", `${options.id}-title`);
  title.textContent = options.title ?? generated.name;
  const desc = document.createElementNS(svg.namespaceURI, "desc");
  desc.setAttribute("id", `${options.id}-desc`);
  desc.textContent = options.description ?? generated.description;
  svg.prepend(title, desc);
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.removeAttribute("aria-label");
  svg.removeAttribute("aria-description");
  // A chart with links is a group, so that its links stay reachable (inside role="img" they
  // would be presentational: axe nested-interactive); any other chart is one image.
  svg.setAttribute("role", svg.querySelector("a[href]") ? "group" : "img");
  svg.setAttribute("aria-labelledby", `${options.id}-title`);
  svg.setAttribute("aria-describedby", `${options.id}-desc`);
  // Plot labels its marks' <g> elements, and aria-label is prohibited on a role-less <g> (axe:
  // aria-prohibited-attr).
  for (const group of Array.from(svg.querySelectorAll("g[aria-label]:not([role])")))
    group.setAttribute("role", "group");
  // Legend swatches and ramps repeat what the description and swatch text already say.
  for (const legend of Array.from(plot.querySelectorAll("svg"))) {
    if (legend !== svg) legend.setAttribute("aria-hidden", "true");
  }
  plot.setAttribute("id", options.id);
  return serialize(plot);
}
