import { describe, expect, it } from "vitest";
import {
  chartsIn,
  incidentChartPlacements,
  incidentCharts,
  renderAutomaticCharts,
  siteChartPlacements,
  siteCharts,
  type AutomaticChart,
  type IncidentChartInput,
} from "../../../src/lib/charts/automatic.ts";

const at = (iso: string) => new Date(iso);
const full: IncidentChartInput = {
  events: [
    { time: at("2024-07-28T11:29:00-04:00"), label: "First DDoS wave", sources: ["s1"] },
    { time: at("2024-07-28T18:45:00-04:00"), label: "Site back online", sources: [] },
  ],
  sources: [
    { id: "s1", reliability: "A", credibility: 2 },
    { id: "s2", reliability: "C", credibility: 3 },
  ],
  claims: [{ id: "c1", text: "The attack was a DDoS" }],
  stances: [{ claim: "c1", source: "s1", stance: "asserts" }],
};
const options = { file: "data/incidents/x/sources.yaml", idPrefix: "x" };
const names = (charts: readonly { name: string }[]) => charts.map((chart) => chart.name);

describe("chart placements", () => {
  it("every registered incident chart names a section of the incident page", () => {
    for (const chart of incidentCharts)
      expect(incidentChartPlacements, chart.name).toContain(chart.placement);
  });

  it("every registered site chart names a section of the home page", () => {
    for (const chart of siteCharts)
      expect(siteChartPlacements, chart.name).toContain(chart.placement);
  });

  it("each incident section gets its chart: timeline, grades grid under sources, matrix under claims", () => {
    const charts = renderAutomaticCharts(incidentCharts, full, options);
    expect(names(chartsIn(charts, "timeline"))).toEqual(["timeline"]);
    expect(names(chartsIn(charts, "sources"))).toEqual(["grades-grid"]);
    expect(names(chartsIn(charts, "claims"))).toEqual(["stance-matrix"]);
  });

  it("the charts of a section come in registry order", () => {
    const entry = (
      name: string,
      placement: "timeline" | "claims",
    ): AutomaticChart<IncidentChartInput, "timeline" | "claims"> => ({
      ...incidentCharts[0]!,
      name,
      placement,
    });
    const registry = [entry("b", "claims"), entry("z", "timeline"), entry("a", "claims")];
    const charts = renderAutomaticCharts(registry, full, options);
    expect(names(chartsIn(charts, "claims"))).toEqual(["b", "a"]);
    expect(names(chartsIn(charts, "timeline"))).toEqual(["z"]);
    expect(names(chartsIn(siteCharts, "overview"))).toEqual([
      "incident-timeline",
      "counts-by-type",
      "counts-by-country",
    ]);
  });

  it("a chart that does not apply to the incident is absent from its section", () => {
    const charts = renderAutomaticCharts(incidentCharts, { ...full, stances: [] }, options);
    expect(chartsIn(charts, "claims")).toEqual([]);
    expect(names(chartsIn(charts, "sources"))).toEqual(["grades-grid"]);
  });
});
