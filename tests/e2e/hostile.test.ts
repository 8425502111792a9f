import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { listFiles } from "../helpers/build-site.ts";
import { browserAvailable, launchBrowser, serveSite, type SiteServer } from "../helpers/browser.ts";
import { baitOrigin, buildHostile } from "../helpers/hostile.ts";

describe.skipIf(!browserAvailable())("hostile input in a browser", () => {
  let server: SiteServer;
  let browser: Browser;
  let pages: string[] = [];

  beforeAll(async () => {
    const run = buildHostile();
    if (run.status !== 0) throw new Error(`hostile build failed:\n${run.stderr}`);
    pages = listFiles(run.outDir).filter((file) => file.endsWith(".html"));
    server = await serveSite(run.outDir, "/");
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    // Set in beforeAll, which may have failed before setting them.
    /* eslint-disable @typescript-eslint/no-unnecessary-condition */
    await browser?.close();
    await server?.close();
    /* eslint-enable @typescript-eslint/no-unnecessary-condition */
  });

  it("runs no payload on any page: no global flag, no request elsewhere, no dialog", async () => {
    expect(pages.length).toBeGreaterThan(4);
    const page = await browser.newPage();
    const foreign: string[] = [];
    const dialogs: string[] = [];
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(server.origin) && !url.startsWith("data:")) foreign.push(url);
    });
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const file of pages) {
      const path = file.endsWith("index.html") ? file.slice(0, -"index.html".length) : file;
      await page.goto(`${server.url}${path}`, { waitUntil: "load" });
      // Hover and open everything, so that handlers bound to those would have fired.
      await page.evaluate(() => {
        for (const details of document.querySelectorAll("details")) details.open = true;
        for (const element of document.querySelectorAll("body *"))
          element.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      });
      await page.waitForTimeout(50);
      expect(
        await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
        file,
      ).toBeUndefined();
      expect(
        await page
          .locator("[onerror], [onload], [onmouseover], iframe, a[href^='javascript:']")
          .count(),
        file,
      ).toBe(0);
    }
    expect(foreign.filter((url) => url.startsWith(baitOrigin))).toEqual([]);
    expect(foreign).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
