import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserAvailable, launchBrowser, serveSite, type SiteServer } from "../helpers/browser.ts";
import { buildSite, removeBuild } from "../helpers/build-site.ts";
import { copySite, edit, minimalSite } from "../helpers/site-copy.ts";

const slow = 90_000;
/** A word that occurs once on the site, in a paragraph of a source text. */
const word = "Achacachi";

describe.skipIf(!browserAvailable())("searching for a word that occurs once", () => {
  let outDir: string;
  let server: SiteServer;
  let browser: Browser;

  beforeAll(async () => {
    const site = copySite(minimalSite);
    edit(
      site,
      "data/archives/example/news-report.txt",
      "on Monday.\n",
      `on Monday.\nEngineers in ${word} saw the portal slow down an hour before the ministry said a word about it.\nThe ministry has not said who sent the traffic, nor how much of it there was.\n`,
    );
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

  it(
    "finds only its page, unquoted, and lands on the paragraph with its details opened",
    async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
      await page.goto(`${server.url}search/`);
      await page.locator("#search-query").fill(word);
      const results = page.locator("[data-search-results] li");
      await results.first().waitFor();
      await expect(page.locator("[data-search-status]").textContent()).resolves.toBe(
        "1 page matches.",
      );
      expect(await results.count()).toBe(1);
      // The excerpt marks the word, and only the word, and carries no paragraph-link "#".
      expect(await results.first().locator("mark").allTextContents()).toEqual([word]);
      expect(await results.first().locator("p").textContent()).not.toContain("#");
      const link = results.first().locator("a");
      expect(await link.getAttribute("href")).toMatch(/^\/incidents\/2020-example-ddos\/#p-/);
      await link.click();
      await page.waitForURL(/\/incidents\/2020-example-ddos\/#p-/);
      const paragraph = page.locator(`.paragraph:has-text("${word}")`);
      await expect(paragraph.isVisible()).resolves.toBe(true);
      expect(await paragraph.evaluate((element) => element.closest("details")?.open)).toBe(true);
      const box = await paragraph.boundingBox();
      expect(box).not.toBeNull();
      expect(box?.y).toBeGreaterThanOrEqual(0);
      expect(box?.y).toBeLessThan(700);
      await page.close();
    },
    slow,
  );
});
