/**
 * The chart colours as CSS custom properties, so charts follow the page's colours (light, dark,
 * print) from the site stylesheet (`charts.css`) instead of carrying fixed hex values.
 */

/** Class Plot puts on every chart (`cf-chart`, `cf-chart-figure`, `cf-chart-swatch`, …). */
export const chartClass = "cf-chart";

/** How many categorical colours `charts.css` defines (`--chart-1` … `--chart-10`). */
const paletteSize = 10;

/** Categorical colours for ordinal colour scales: `var(--chart-1)` … `var(--chart-10)`. */
export const categoricalPalette: readonly string[] = Array.from(
  { length: paletteSize },
  (_, i) => `var(--chart-${i + 1})`,
);

/** The n-th categorical colour (1-based), wrapping around the palette. */
export function paletteColor(n: number): string {
  return categoricalPalette[(n - 1) % paletteSize] ?? "currentColor";
}

/** Colours for claim stances, named for what they mean. */
export const stanceColors = {
  asserts: "var(--stance-asserts)",
  disputes: "var(--stance-disputes)",
  mentions: "var(--stance-mentions)",
} as const satisfies Record<string, string>;
