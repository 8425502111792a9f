import { describe, expect, it } from "vitest";
import {
  applicableCharts,
  countsBy,
  incidentCharts,
  incidentTimeline,
  renderAutomaticCharts,
  siteCharts,
  timelineSpec,
} from "../../../src/lib/charts/automatic.ts";
import type {
  IncidentChartInput,
  IncidentSummary,
  TimelineEvent,
} from "../../../src/lib/charts/automatic.ts";
import { renderChart } from "../../../src/lib/charts/render.ts";
import { wrap } from "../../../src/lib/charts/text-fit.ts";

const at = (iso: string) => new Date(iso);
const events: TimelineEvent[] = [
  { time: at("2024-07-28T18:45:00-04:00"), label: "Site back online", sources: [] },
  {
    time: at("2024-07-28T11:29:00-04:00"),
    timeText: "2024-07-28T11:29:00-04:00",
    label: "First DDoS wave <hits>",
    sources: ["s1", "s2"],
  },
  {
    time: at("2024-07-29T09:00:00-04:00"),
    label: "Official statement blames foreign actors and promises an investigation",
    sources: ["s4"],
  },
];
const input: IncidentChartInput = {
  events,
  sources: [
    { id: "s1", reliability: "A", credibility: 2 },
    { id: "s2", reliability: "A", credibility: 2 },
    { id: "s3", reliability: "F", credibility: 6 },
    { id: "s4", reliability: "C", credibility: 3 },
    { id: "s5" },
  ],
  claims: [
    { id: "c1", text: "The attack was a DDoS" },
    { id: "c2", text: "A foreign state was behind the attack" },
  ],
  stances: [
    { claim: "c1", source: "s1", stance: "asserts" },
    { claim: "c2", source: "s3", stance: "disputes" },
    { claim: "c2", source: "s4", stance: "asserts" },
    { claim: "c2", source: "s2", stance: "mentions" },
  ],
};
const incidents: IncidentSummary[] = [
  {
    id: "b",
    title: "Defacement & DDoS",
    start: at("2024-03-02"),
    types: ["ddos", "defacement"],
    countries: ["VE", "CO"],
  },
  {
    id: "a",
    title: "Election DDoS",
    start: at("2024-07-28"),
    types: ["ddos"],
    countries: ["VE"],
    href: "/incidents/a/",
  },
  { id: "c", title: "Leak", start: at("2023-11-12"), types: ["data-leak"], countries: ["AR"] },
];
const count = (markup: string, pattern: RegExp): number => markup.match(pattern)?.length ?? 0;
const render = () =>
  renderAutomaticCharts(incidentCharts, input, {
    file: "data/incidents/x/sources.yaml",
    idPrefix: "x",
  });

describe("incident charts", () => {
  it("draw the charts whose data is present, in registry order", () => {
    expect(applicableCharts(incidentCharts, input).map((chart) => chart.name)).toEqual([
      "timeline",
      "grades-grid",
      "stance-matrix",
    ]);
    expect(
      applicableCharts(incidentCharts, { events: events.slice(0, 1) }).map((chart) => chart.name),
    ).toEqual([]);
    expect(
      applicableCharts(incidentCharts, { sources: [{ id: "s5" }] }).map((chart) => chart.name),
    ).toEqual([]);
    expect(
      applicableCharts(incidentCharts, { claims: input.claims, stances: [] }).map(
        (chart) => chart.name,
      ),
    ).toEqual([]);
  });

  it("timeline: one dot and one label per event, in time order, named and described", () => {
    const [timeline] = render();
    expect(timeline?.id).toBe("x-timeline");
    const svg = timeline?.svg ?? "";
    expect(count(/<g[^>]*aria-label="dot"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "", /<circle /g)).toBe(
      3,
    );
    const labels = [...svg.matchAll(/aria-label="y-axis tick label">(.*?)<\/g>/g)].flatMap((m) =>
      [...(m[1] ?? "").matchAll(/>([^<]+)<\/text>/g)].map((t) => t[1]),
    );
    expect(labels).toEqual([
      "First DDoS wave &lt;hits&gt;",
      "Site back online",
      "Official statement blames foreign actors an…",
    ]);
    expect(svg).toContain(
      '<title id="x-timeline-title">Timeline of 3 events, 2024-07-28 to 2024-07-29</title>',
    );
    expect(svg).toContain(
      "2024-07-28T15:29Z: First DDoS wave &lt;hits&gt;; 2024-07-28T22:45Z: Site back online;",
    );
    expect(svg).toContain("Time (UTC)");
    expect(timeline?.table).toContain(
      '<time datetime="2024-07-28T15:29:00.000Z">2024-07-28T11:29:00-04:00</time>',
    );
  });

  it("timeline stays readable from 2 to 15 events: one row each, height growing with rows", () => {
    for (const n of [2, 15]) {
      const many = Array.from({ length: n }, (_, i) => ({
        time: new Date(Date.UTC(2024, 6, 28, i)),
        label: `Event ${i + 1}`,
        sources: [],
      }));
      const svg = renderChart(timelineSpec(many), {
        id: `t${n}`,
        file: "events.csv",
        label: "timeline",
      });
      expect(count(svg, /<circle /g)).toBe(n);
      expect(count(svg, />Event \d+<\/text>/g)).toBe(n);
      expect(svg).toContain(`viewBox="0 0 640 ${50 + n * 24}"`);
    }
  });

  it("grades grid: a 6 × 6 grid with the sources of each grade in its cell", () => {
    const grid = render()[1];
    const svg = grid?.svg ?? "";
    expect(count(/<g[^>]*aria-label="cell"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "", /<rect /g)).toBe(
      36,
    );
    expect(svg).toMatch(/<tspan[^>]*>s1<\/tspan><tspan[^>]*>s2<\/tspan>/);
    expect(svg).toContain("A2: s1, s2; C3: s4; F6: s3. 1 source is not graded.");
    for (const letter of ["A", "B", "C", "D", "E", "F"]) expect(svg).toContain(`>${letter}</text>`);
  });

  it("stance matrix: one coloured cell and symbol per stance, with a legend", () => {
    const matrix = render()[2];
    const svg = matrix?.svg ?? "";
    expect(svg).toMatch(/^<figure id="x-stance-matrix"/);
    expect(count(svg, /fill="var\(--stance-asserts\)"/g)).toBe(3); // two cells and the legend swatch
    expect(count(svg, /fill="var\(--stance-disputes\)"/g)).toBe(2);
    expect(svg).toContain("+ asserts");
    expect(svg).toContain(
      "c2 (A foreign state was behind the attack): asserted by s4; disputed by s3; mentioned by s2.",
    );
    expect(matrix?.table).toContain("<td>c2</td><td>s3</td><td>disputes</td>");
  });
});

describe("site charts", () => {
  const site = () =>
    renderAutomaticCharts(
      siteCharts,
      { incidents },
      { file: "content/incidents", idPrefix: "site" },
    );

  it("incident timeline: a dot per incident and type, coloured by type with fixed colours, linked when given", () => {
    const svg = site()[0]?.svg ?? "";
    expect(count(svg, /<circle /g)).toBe(4);
    expect(svg).toContain('fill="var(--chart-1)"'); // ddos, first type of the data model
    expect(svg).toContain('fill="var(--chart-4)"'); // data-leak keeps its colour though intrusion is absent
    expect(svg).toContain('<a href="/incidents/a/" fill="inherit">');
    expect(svg).toContain("3 incidents from 2023-11-12 to 2024-07-28, by type");
    expect(incidentTimeline(incidents).y).toMatchObject({
      domain: ["ddos", "defacement", "data-leak"],
    });
  });

  it("counts by type and by country: one bar per value, most first", () => {
    const [, byType, byCountry] = site();
    expect(count(byType?.svg ?? "", /<rect /g)).toBe(3);
    expect(byCountry?.svg).toContain("Incidents by country, most first: VE 2, AR 1, CO 1.");
    expect(byCountry?.table).toContain('<td>VE</td><td class="cf-number">2</td>');
    expect(countsBy("countries").name).toBe("counts-by-country");
  });

  it("renders the same bytes on every run", () => {
    expect(site().map((chart) => chart.svg)).toEqual(site().map((chart) => chart.svg));
    expect(render().map((chart) => chart.svg)).toEqual(render().map((chart) => chart.svg));
  });
});

describe("chart labels", () => {
  it("wrap long text at spaces, ending the last line with … when text is left out", () => {
    expect(wrap("The outage delayed the publication of the results.", 34, 5)).toEqual([
      "The outage delayed the publication",
      "of the results.",
    ]);
    expect(wrap("one two three four five six", 9, 2)).toEqual(["one two", "three fo…"]);
    expect(wrap("a-very-long-identifier-without-spaces", 10, 3)).toEqual(["a-very-lo…"]);
  });

  it("stance matrix: its title counts the columns drawn, sources without stances included", () => {
    const matrix = render()[2];
    expect(matrix?.svg).toContain("Stances of 5 sources on 2 claims");
  });
});
