/**
 * Where automatic charts appear: each name is the id of a section heading on its page, so a
 * registry entry names the section its chart is drawn in and the page renders each section's
 * charts without naming them.
 */

/** Sections of the incident page that hold automatic charts, in page order. */
export const incidentChartPlacements = ["timeline", "sources", "claims"] as const;

/** A section of the incident page: `timeline`, `sources` (sources and reliability) or `claims`. */
export type IncidentChartPlacement = (typeof incidentChartPlacements)[number];

/** Sections of the home page that hold automatic charts, in page order. */
export const siteChartPlacements = ["overview"] as const;

/** A section of the home page: `overview`. */
export type SiteChartPlacement = (typeof siteChartPlacements)[number];

/** Any section an automatic chart can appear in. */
export type ChartPlacement = IncidentChartPlacement | SiteChartPlacement;

/** The charts whose placement is the given section, in the order given (registry order). */
export function chartsIn<Chart extends { placement: string }>(
  charts: readonly Chart[],
  placement: Chart["placement"],
): Chart[] {
  return charts.filter((chart) => chart.placement === placement);
}
