import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, serveSite, type SiteServer } from "../helpers/browser.ts";
import { buildSite, removeBuild } from "../helpers/build-site.ts";
import { writeManySources } from "../helpers/many-sources.ts";
import { copySite, minimalSite } from "../helpers/site-copy.ts";

const slow = 90_000;

/** A label's box on the page. */
interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The boxes of the text elements inside the groups with this aria-label, in a chart. */
function labelBoxes(page: Page, chart: string, group: string): Promise<Box[]> {
  return page.evaluate(
    ([chart, group]) =>
      [...document.querySelectorAll(`#${chart} g[aria-label="${group}"] text`)].map((text) => {
        const box = text.getBoundingClientRect();
        return {
          text: text.textContent,
          x: box.x,
          y: box.y,
          width: box.width,
          height: box.height,
        };
      }),
    [chart, group] as const,
  );
}

/** Pairs of boxes that overlap (touching edges do not count). */
function overlaps(boxes: Box[]): string[] {
  const found: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      const apart =
        a.x + a.width <= b.x ||
        b.x + b.width <= a.x ||
        a.y + a.height <= b.y ||
        b.y + b.height <= a.y;
      if (!apart) found.push(`"${a.text}" × "${b.text}"`);
    }),
  );
  return found;
}

/** Boxes that stick out of the chart's SVG (which would clip them when printed or zipped). */
async function outside(page: Page, chart: string, boxes: Box[]): Promise<string[]> {
  const svg = await page
    .locator(`svg#${chart}.cf-chart, #${chart} svg.cf-chart`)
    .first()
    .boundingBox();
  if (!svg) return ["no svg"];
  return boxes
    .filter(
      (box) =>
        box.x < svg.x - 0.5 ||
        box.y < svg.y - 0.5 ||
        box.x + box.width > svg.x + svg.width + 0.5 ||
        box.y + box.height > svg.y + svg.height + 0.5,
    )
    .map((box) => box.text);
}

describe.skipIf(!browserAvailable()).each([5, 25])(
  "the stance matrix and grades grid of an incident with %i sources and long claims",
  (sources) => {
    let outDir: string;
    let server: SiteServer;
    let browser: Browser;

    beforeAll(async () => {
      const site = copySite(minimalSite);
      writeManySources(site, sources);
      const run = buildSite({ site });
      if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}`);
      outDir = run.outDir;
      server = await serveSite(outDir, "/");
      browser = await launchBrowser();
    });

    afterAll(async () => {
      // Set in beforeAll, which may have failed before setting them.
      /* eslint-disable @typescript-eslint/no-unnecessary-condition */
      await browser?.close();
      await server?.close();
      /* eslint-enable @typescript-eslint/no-unnecessary-condition */
      if (outDir) removeBuild(outDir);
    });

    it.each([1280, 375])(
      "draws no two axis labels over one another, nor outside the chart, %i px wide",
      async (width) => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`${server.url}incidents/2020-example-ddos/`);
        const chart = "auto-stance-matrix";
        const x = await labelBoxes(page, chart, "x-axis tick label");
        const y = await labelBoxes(page, chart, "y-axis tick label");
        const title = await labelBoxes(page, chart, "x-axis label");
        expect(x).toHaveLength(sources);
        expect(y).toHaveLength(6);
        expect(title.map((box) => box.text)).toEqual(["Source"]);
        expect(overlaps([...x, ...y, ...title])).toEqual([]);
        expect(await outside(page, chart, [...x, ...y, ...title])).toEqual([]);
        // Every claim's label keeps its first words: wrapped, not cut to a stub.
        expect(y.map((box) => box.text.slice(0, 12))).toContain("The attack w");
        await expect(page.locator(`#${chart} svg.cf-chart > title`).textContent()).resolves.toBe(
          `Stances of ${sources} sources on 6 claims`,
        );
        const grid = "auto-grades-grid";
        const cells = await labelBoxes(page, grid, "text");
        expect(cells.length).toBeGreaterThan(0);
        expect(overlaps(cells)).toEqual([]);
        const gridLabels = [
          ...(await labelBoxes(page, grid, "x-axis label")),
          ...(await labelBoxes(page, grid, "y-axis label")),
        ];
        expect(gridLabels).toHaveLength(2);
        expect(await outside(page, grid, [...cells, ...gridLabels])).toEqual([]);
        await page.close();
      },
      slow,
    );
  },
);
