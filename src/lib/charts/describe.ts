/**
 * Accessible names and descriptions for charts whose author gave none, generated from the marks
 * and the scales Plot computed: "Bar chart of ips by day, 2 bars" and a sentence per axis.
 */
import type { PlotOptions, Scale } from "@observablehq/plot";
import { marksOf } from "./check.ts";

/** What a kind of mark is called: the chart it makes and one item of it. */
interface MarkWords {
  chart: string;
  item: string;
  items: string;
  /** True for marks drawn along x whose values run on x (barX, tickX): "of x by y". */
  horizontal?: boolean;
}

/** Words per Plot mark class, keyed by constructor name. */
const markWords = {
  BarY: { chart: "Bar chart", item: "bar", items: "bars" },
  BarX: { chart: "Bar chart", item: "bar", items: "bars", horizontal: true },
  Rect: { chart: "Bar chart", item: "bar", items: "bars" },
  Dot: { chart: "Dot plot", item: "dot", items: "dots" },
  Line: { chart: "Line chart", item: "line", items: "lines" },
  Area: { chart: "Area chart", item: "area", items: "areas" },
  Cell: { chart: "Grid", item: "cell", items: "cells" },
  TickX: { chart: "Tick plot", item: "tick", items: "ticks", horizontal: true },
  TickY: { chart: "Tick plot", item: "tick", items: "ticks" },
  Text: { chart: "Chart", item: "label", items: "labels" },
  Link: { chart: "Chart", item: "link", items: "links" },
  Arrow: { chart: "Chart", item: "arrow", items: "arrows" },
} satisfies Record<string, MarkWords>;

/** Marks that decorate rather than carry the data; the name is taken from the first other mark. */
const decorations = new Set([
  "RuleX",
  "RuleY",
  "Frame",
  "AxisX",
  "AxisY",
  "GridX",
  "GridY",
  "Tip",
  "Text",
]);

/** What `describeChart` needs from a rendered plot. */
export interface RenderedPlot {
  /** Plot's computed scale, when the plot uses it. */
  scale(name: "x" | "y" | "color" | "fx" | "fy"): Scale | undefined;
}

/** A generated accessible name and description. */
export interface ChartDescription {
  /** Short name, e.g. "Bar chart of ips by day, 2 bars". */
  name: string;
  /** One sentence per scale, e.g. "Horizontal axis: day, 2024-07-28 to 2024-07-29." */
  description: string;
}

/** Names and describes a rendered chart; `counts` gives the rendered items per mark, in spec order. */
export function describeChart(
  spec: PlotOptions,
  plot: RenderedPlot,
  counts: number[],
): ChartDescription {
  const marks = marksOf(spec);
  const kinds = marks.map((mark) => mark.constructor.name);
  let index = kinds.findIndex((kind) => !decorations.has(kind));
  if (index < 0) index = 0;
  const kind = kinds[index] ?? "";
  const words: MarkWords = Object.hasOwn(markWords, kind)
    ? markWords[kind as keyof typeof markWords]
    : { chart: "Chart", item: "mark", items: "marks" };
  const primary = marks[index];
  const ordered = primary ? [primary, ...marks.filter((mark) => mark !== primary)] : marks;
  const x = scaleLabel(spec, ordered, "x");
  const y = scaleLabel(spec, ordered, "y");
  const [value, by] = words.horizontal ? [x, y] : [y, x];
  const of =
    value && by
      ? ` of ${bare(value)} by ${bare(by)}`
      : value || by
        ? ` of ${bare(value ?? by ?? "")}`
        : "";
  const count = counts[index];
  const size = count === undefined ? "" : `, ${count} ${count === 1 ? words.item : words.items}`;
  const sentences = [
    axisSentence("Horizontal axis", x, plot.scale("x")),
    axisSentence("Vertical axis", y, plot.scale("y")),
    axisSentence("Columns", scaleLabel(spec, ordered, "fx"), plot.scale("fx")),
    axisSentence("Rows", scaleLabel(spec, ordered, "fy"), plot.scale("fy")),
    axisSentence("Colour", scaleLabel(spec, ordered, "color"), plot.scale("color")),
  ].filter((sentence) => sentence !== "");
  return { name: `${words.chart}${of}${size}`, description: sentences.join(" ") };
}

/** A scale's label without Plot's direction arrows ("↑ ips" → "ips"). */
function bare(label: string): string {
  return label.replace(/^[↑↓←→]\s*/, "").replace(/\s*[↑↓←→]$/, "");
}

/** Channels feeding each scale, in the order their labels are preferred. */
const scaleChannels = {
  x: ["x", "x1", "x2"],
  y: ["y", "y1", "y2"],
  fx: ["fx"],
  fy: ["fy"],
  color: ["fill", "stroke"],
} as const;

/** A scale's label as Plot would derive it: the spec's, else the first channel naming a column. */
function scaleLabel(
  spec: PlotOptions,
  marks: ReturnType<typeof marksOf>,
  scale: keyof typeof scaleChannels,
): string | undefined {
  const options = spec[scale] as { label?: unknown } | undefined;
  if (typeof options?.label === "string") return options.label;
  if (options?.label === null) return undefined;
  for (const mark of marks) {
    for (const name of scaleChannels[scale]) {
      const value = mark.channels?.[name]?.value;
      if (typeof value === "string") return value;
      const label = (value as { label?: unknown } | undefined)?.label;
      if (typeof label === "string") return label;
    }
  }
  return undefined;
}

/** "Horizontal axis: day, 2024-07-28 to 2024-07-29." — or "" when the plot has no such scale. */
function axisSentence(role: string, name: string | undefined, scale: Scale | undefined): string {
  if (!scale?.domain) return "";
  const label = name ? `${bare(name)}, ` : "";
  const domain = Array.from(scale.domain as Iterable<unknown>);
  const ordinal = ["ordinal", "band", "point", "categorical"].includes(scale.type ?? "");
  if (ordinal) {
    const shown =
      domain.length <= 8
        ? domain.map(formatValue).join(", ")
        : `${domain.slice(0, 3).map(formatValue).join(", ")} … ${formatValue(domain.at(-1))}`;
    return `${role}: ${label}${domain.length} ${domain.length === 1 ? "value" : "values"} (${shown}).`;
  }
  const first = domain[0];
  const last = domain.at(-1);
  return `${role}: ${label}${formatValue(first)} to ${formatValue(last)}.`;
}

/** Formats a domain value without locale or time zone: ISO dates, plain numbers. */
export function formatValue(value: unknown): string {
  if (value instanceof Date) {
    const iso = value.toISOString();
    if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
    return iso.replace(/:00\.000Z$/, "Z").replace(/\.000Z$/, "Z");
  }
  if (typeof value === "number") return String(Math.round(value * 1000) / 1000);
  return String(value);
}
