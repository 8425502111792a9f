import * as Plot from "@observablehq/plot";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { incidentCharts, renderAutomaticCharts } from "../../../src/lib/charts/automatic.ts";
import { renderChart } from "../../../src/lib/charts/render.ts";
import { renderCached, rendererVersion } from "../../../src/lib/charts/render-cache.ts";
import { diskCache } from "../../../src/lib/content/disk-cache.ts";
import { projectRoot } from "../../helpers/build-site.ts";

const root = mkdtempSync(join(tmpdir(), "casefile-chart-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = [
  { day: "1", requests: 10 },
  { day: "2", requests: 30 },
];
const place = { id: "requests", file: "content/incidents/x.mdx", label: "requests" };
const draw = () => renderChart({ marks: [Plot.barY(rows, { x: "day", y: "requests" })] }, place);

describe("renderCached", () => {
  it("draws a chart once for the same inputs and renderer, byte for byte the same", () => {
    const chartCache = { cache: diskCache(join(root, "same")), renderer: "r1" };
    let draws = 0;
    const counted = () => {
      draws += 1;
      return draw();
    };
    const first = renderCached(chartCache, { rows, place }, counted);
    const second = renderCached(chartCache, { rows, place }, counted);
    expect(second).toBe(first);
    expect(second).toBe(draw());
    expect(draws).toBe(1);
    expect(readdirSync(join(root, "same"))).toHaveLength(1);
  });

  it("draws again when an input or the renderer changes", () => {
    const folder = join(root, "changes");
    let draws = 0;
    const counted = () => `${++draws}`;
    renderCached({ cache: diskCache(folder), renderer: "r1" }, { rows, place }, counted);
    renderCached({ cache: diskCache(folder), renderer: "r1" }, { rows: [], place }, counted);
    renderCached({ cache: diskCache(folder), renderer: "r2" }, { rows, place }, counted);
    expect(draws).toBe(3);
  });

  it("draws every time without a cache", () => {
    let draws = 0;
    renderCached(undefined, {}, () => `${++draws}`);
    renderCached(undefined, {}, () => `${++draws}`);
    expect(draws).toBe(2);
  });
});

describe("renderAutomaticCharts with a cache", () => {
  const input = {
    events: [
      { time: new Date("2024-07-28T10:00:00Z"), label: "Portal slows", sources: ["a"] },
      { time: new Date("2024-07-29T08:00:00Z"), label: "Portal restored", sources: ["b"] },
    ],
    sources: [
      { id: "a", reliability: "B" as const, credibility: 2 as const },
      { id: "b", reliability: "C" as const, credibility: 3 as const },
    ],
  };
  const options = { file: "content/incidents/x.mdx", idPrefix: "auto" };

  it("gives the same charts as without it, from the cache the second time", () => {
    const uncached = renderAutomaticCharts(incidentCharts, input, options);
    const cache = { cache: diskCache(join(root, "automatic")), renderer: "r1" };
    const drawn = renderAutomaticCharts(incidentCharts, input, { ...options, cache });
    const read = renderAutomaticCharts(incidentCharts, input, { ...options, cache });
    expect(uncached.length).toBeGreaterThan(0);
    expect(drawn).toEqual(uncached);
    expect(read).toEqual(uncached);
    expect(readdirSync(join(root, "automatic"))).toHaveLength(uncached.length);
  });

  it("draws a chart again when its input changes", () => {
    const cache = { cache: diskCache(join(root, "automatic-changed")), renderer: "r1" };
    const before = renderAutomaticCharts(incidentCharts, input, { ...options, cache });
    const [first, ...rest] = input.events;
    const changed = { ...input, events: [{ ...first!, label: "Portal down" }, ...rest] };
    const after = renderAutomaticCharts(incidentCharts, changed, { ...options, cache });
    expect(after.find((chart) => chart.name === "timeline")?.svg).toContain("Portal down");
    expect(after).toEqual(renderAutomaticCharts(incidentCharts, changed, options));
    expect(before).not.toEqual(after);
  });
});

describe("rendererVersion", () => {
  it("is a stable digest of the chart code, the packages and the runtime", () => {
    const version = rendererVersion(projectRoot);
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    expect(rendererVersion(projectRoot)).toBe(version);
  });
});
