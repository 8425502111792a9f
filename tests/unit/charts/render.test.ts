import * as Plot from "@observablehq/plot";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CasefileError } from "../../../src/lib/errors.ts";
import { parseDataFile } from "../../../src/lib/charts/data.ts";
import { renderChart } from "../../../src/lib/charts/render.ts";
import { dataTableHtml } from "../../../src/lib/charts/table.ts";
import { isSafeUrl } from "../../../src/lib/charts/sanitize.ts";

const fixtures = new URL("../../fixtures/charts/", import.meta.url);
const ips = parseDataFile(
  "ips-by-day.csv",
  readFileSync(new URL("ips-by-day.csv", fixtures), "utf8"),
  "data/incidents/x/ips-by-day.csv",
);
const countries = parseDataFile(
  "rows-object.json",
  readFileSync(new URL("rows-object.json", fixtures), "utf8"),
  "data/incidents/x/rows-object.json",
);
const place = { id: "ips-by-day", file: "content/incidents/x.mdx", label: "ips-by-day" };
const count = (markup: string, pattern: RegExp): number => markup.match(pattern)?.length ?? 0;

function caught(fn: () => unknown): CasefileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CasefileError) return error;
    throw error;
  }
  throw new Error("expected a CasefileError");
}

describe("renderChart", () => {
  const bars = () =>
    renderChart(
      { marks: [Plot.barY(countries.rows, { x: "country", y: "count" }), Plot.ruleY([0])] },
      place,
    );

  it("renders an accessible SVG with one rect per bar", () => {
    const svg = bars();
    expect(svg.startsWith('<svg id="ips-by-day"')).toBe(true);
    expect(count(svg, /<rect /g)).toBe(2);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="ips-by-day-title"');
    expect(svg).toContain(
      '<title id="ips-by-day-title">Bar chart of count by country, 2 bars</title>',
    );
    expect(svg).toContain(
      '<desc id="ips-by-day-desc">Horizontal axis: country, 2 values (CO, VE). Vertical axis: count, 0 to 2.</desc>',
    );
  });

  it("uses the author's title and description when given", () => {
    const svg = renderChart(
      { marks: [Plot.dot(ips.rows, { x: "day", y: "ips" })] },
      { ...place, title: "IPs per day", description: "Peak on 29 July." },
    );
    expect(svg).toContain(
      '<title id="ips-by-day-title">IPs per day</title><desc id="ips-by-day-desc">Peak on 29 July.</desc>',
    );
  });

  it("leaves styling to the page: no <style>, no font family, no fixed size, palette colours", () => {
    const svg = renderChart(
      {
        marks: [Plot.dot(ips.rows, { x: "day", y: "ips", fill: "note" })],
        color: { legend: true },
      },
      place,
    );
    expect(svg).not.toContain("<style");
    expect(svg).not.toContain("font-family");
    expect(svg).not.toContain("plot-d6a7b5");
    expect(svg).toMatch(
      /^<figure id="ips-by-day" style="max-width:initial" class="cf-chart-figure">/,
    );
    const main = /<svg [^>]*class="cf-chart"[^>]*>/.exec(svg)?.[0] ?? "";
    expect(main).toContain('viewBox="0 0 640 400"');
    expect(main).not.toMatch(/ (width|height)=/);
    expect(svg).toContain('fill="var(--chart-1)"');
    expect(svg).toContain('fill="var(--chart-3)"');
    expect(svg).not.toMatch(/#[0-9a-f]{6}/i);
  });

  it("writes tabular numbers as a class, since SVG's font-variant attribute cannot say tabular-nums", () => {
    const svg = renderChart(
      {
        marks: [
          Plot.dot(ips.rows, { x: "day", y: "ips" }),
          Plot.text(ips.rows, { x: "day", y: "ips", text: "ips" }),
          Plot.text(ips.rows, { x: "day", y: "ips", text: "note", fontVariant: "small-caps" }),
        ],
      },
      place,
    );
    expect(svg).not.toContain('font-variant="tabular-nums"');
    // The y axis's ticks and labels, and the numeric text mark.
    expect(count(svg, /class="cf-tabular-nums"/g)).toBeGreaterThanOrEqual(2);
    expect(svg).toContain('font-variant="small-caps"');
  });

  it("keeps an author's explicit colours", () => {
    const svg = renderChart(
      {
        marks: [Plot.dot(ips.rows, { x: "day", y: "ips", fill: "note" })],
        color: { range: ["red", "green", "blue"] },
      },
      place,
    );
    expect(svg).toContain('fill="red"');
    expect(svg).not.toContain("var(--chart-");
  });

  it("renders the same bytes twice, with ids derived from the chart id", () => {
    const spec = () => ({
      marks: [
        Plot.dot(ips.rows, { x: "day", y: "ips", clip: true }),
        Plot.text(ips.rows, { x: "day", y: "ips", text: "note", clip: true }),
      ],
    });
    const first = renderChart(spec(), place);
    const second = renderChart(spec(), place);
    expect(second).toBe(first);
    expect(first).toContain('<clipPath id="ips-by-day-1">');
    expect(first).toContain('clip-path="url(#ips-by-day-1)"');
    expect(first).not.toContain("plot-clip");
  });

  it("rounds float noise out of geometry", () => {
    const svg = renderChart({ marks: [Plot.dot(ips.rows, { x: "day", y: "ips" })] }, place);
    expect(svg).not.toMatch(/\d\.\d{3,}/);
  });

  it("escapes text from data and strips script, handlers and javascript: links", () => {
    const rows = [
      { name: "<script>alert(1)</script>", n: 1, link: "javascript:alert(1)" },
      { name: 'AT&amp;T "quoted"', n: 2, link: "https://example.org/?a=1&b=2" },
    ];
    // A render-function mark can put anything into the SVG.
    const render = (
      _index: unknown,
      _scales: unknown,
      _values: unknown,
      _dimensions: unknown,
      context: { document: Document },
    ): SVGGElement => {
      const g = context.document.createElementNS("http://www.w3.org/2000/svg", "g");
      g.setAttribute("onclick", "alert(3)");
      const script = context.document.createElementNS("http://www.w3.org/2000/svg", "script");
      script.textContent = "alert(2)";
      g.append(script);
      return g;
    };
    const svg = renderChart(
      {
        marks: [Plot.barY(rows, { x: "name", y: "n", title: "name", href: "link" }), render],
      },
      { ...place, id: "unsafe" },
    );
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\son\w+=/i);
    expect(svg).not.toMatch(/javascript:/i);
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(svg).toContain('AT&amp;amp;T "quoted"');
    expect(svg).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(count(svg, /<a /g)).toBe(2);
  });

  it("escapes quotes and ampersands in attributes built from data", () => {
    const rows = [{ name: 'a"b&c', n: 1 }];
    const svg = renderChart(
      { marks: [Plot.barY(rows, { x: "name", y: "n", ariaLabel: "name" })] },
      place,
    );
    expect(svg).toContain('aria-label="a&quot;b&amp;c"');
  });

  it("names the column a channel lacks, and the columns available", () => {
    const error = caught(() =>
      renderChart({ marks: [Plot.dot(ips.rows, { x: "dya", y: "ips" })] }, place),
    );
    expect(error.message).toBe(
      'content/incidents/x.mdx: chart "ips-by-day": channel "x" refers to column "dya", which the data lacks (columns: day, ips, note). Hint: Check the spelling and case of the column name against the data file\'s header',
    );
  });

  it("catches missing columns read inside transforms", () => {
    const error = caught(() =>
      renderChart(
        { marks: [Plot.barY(ips.rows, Plot.groupX({ y: "sum" }, { x: "Day", y: "ips" }))] },
        place,
      ),
    );
    expect(error.detail).toBe(
      'chart "ips-by-day": channel "x" refers to column "Day", which the data lacks (columns: day, ips, note)',
    );
  });

  it("catches missing columns read by accessor functions", () => {
    const error = caught(() =>
      renderChart(
        { marks: [Plot.dot(ips.rows, { x: "day", y: (d: Record<string, unknown>) => d["IPs"] })] },
        place,
      ),
    );
    expect(error.detail).toBe(
      'chart "ips-by-day": a mark refers to column "IPs", which the data lacks (columns: day, ips, note)',
    );
  });

  it("does not alter the caller's marks", () => {
    const mark = Plot.barY(ips.rows, { x: "day", y: "ips" });
    renderChart({ marks: [mark] }, place);
    expect((mark as unknown as { data: unknown }).data).toBe(ips.rows);
    expect((mark as unknown as { className: unknown }).className).toBeUndefined();
  });

  it("turns Plot's own errors into an author error naming the chart", () => {
    const error = caught(() =>
      renderChart(
        { marks: [Plot.barY(ips.rows, { x: "day", y: "ips" })], x: { type: "linear" } },
        place,
      ),
    );
    expect(error.message).toBe(
      'content/incidents/x.mdx: chart "ips-by-day" could not be drawn: scale incompatible with channel: linear !== band. Hint: Check the mark\'s options against the Observable Plot documentation (https://observablehq.com/plot/)',
    );
  });

  it("rejects ids that cannot be HTML ids", () => {
    expect(caught(() => renderChart({ marks: [] }, { ...place, id: "1 chart" })).message).toBe(
      'content/incidents/x.mdx: chart "ips-by-day" has the id "1 chart", which cannot be used as an HTML id. Hint: Use letters, digits, hyphens and underscores, starting with a letter',
    );
  });
});

describe("isSafeUrl", () => {
  it("allows ordinary links and refuses script schemes, however disguised", () => {
    for (const url of [
      "https://example.org/",
      "/incidents/x/",
      "../x",
      "#source-a",
      "mailto:a@b.c",
      "data:image/png;base64,AA==",
    ])
      expect(isSafeUrl(url)).toBe(true);
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "java\tscript:alert(1)",
      "vbscript:x",
      "data:text/html,<script>",
    ])
      expect(isSafeUrl(url)).toBe(false);
  });
});

describe("determinism across processes and time zones", () => {
  const node = fileURLToPath(new URL("../../../node_modules/.bin/node", import.meta.url));
  const script = fileURLToPath(new URL("render-sample.ts", fixtures));
  const run = (tz: string): string =>
    execFileSync(node, [script], { env: { ...process.env, TZ: tz }, encoding: "utf8" });

  it("renders byte-identical charts in separate processes under different TZ", () => {
    const caracas = run("America/Caracas");
    const utc = run("UTC");
    expect(caracas.length).toBeGreaterThan(1000);
    expect(caracas).toBe(utc);
    expect(run("Asia/Kolkata")).toBe(utc);
    // A local-time scale asked for by the author is drawn in UTC: 15:29Z is "03:29" PM, not Caracas' 11:29.
    expect(utc).toContain("Jul 28");
  });
});

describe("renderChart with a column named __proto__", () => {
  it("draws the column's values and shows them in the data table", () => {
    const table = parseDataFile(
      "raid.csv",
      "__proto__,count\nKilled,2\nArrested,8\n",
      "data/incidents/x/raid.csv",
    );
    const svg = renderChart(
      { marks: [Plot.barX(table.rows, { x: "count", y: "__proto__" })] },
      { ...place, label: "raid" },
    );
    expect(count(svg, /<rect /g)).toBe(2);
    expect(svg).toContain("Killed");
    expect(svg).toContain("Arrested");
    expect(dataTableHtml(table)).toContain("<td>Killed</td>");
  });
});
