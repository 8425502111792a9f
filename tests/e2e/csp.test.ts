import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import {
  browserAvailable,
  buildInProject,
  launchBrowser,
  serveSite,
  type SiteServer,
} from "../helpers/browser.ts";

const incident = "incidents/2024-venezuela-cne-election-ddos/";

describe.skipIf(!browserAvailable())(
  "the enhancement scripts under the Content-Security-Policy",
  () => {
    let server: SiteServer;
    let browser: Browser;
    let page: Page;
    /** CSP violations and console errors seen while the page loaded and ran. */
    const violations: string[] = [];

    beforeAll(async () => {
      const run = buildInProject("/casefile/");
      server = await serveSite(run.outDir, "/casefile/");
      browser = await launchBrowser();
      page = await browser.newPage();
      await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          (window as unknown as { reportViolation(text: string): void }).reportViolation(
            `${event.violatedDirective} ${event.blockedURI}`,
          );
        });
      });
      page.on("console", (message) => {
        if (message.type() === "error") violations.push(message.text());
      });
      page.on("pageerror", (error) => violations.push(error.message));
      await page.goto(`${server.url}${incident}`, { waitUntil: "load" });
    }, 300_000);

    afterAll(async () => {
      // Set in beforeAll, which may have failed before setting them.
      /* eslint-disable @typescript-eslint/no-unnecessary-condition */
      await browser?.close();
      await server?.close();
      /* eslint-enable @typescript-eslint/no-unnecessary-condition */
    });

    it("serves the page with a CSP meta that forbids inline scripts", async () => {
      const policy = await page
        .locator('meta[http-equiv="content-security-policy"]')
        .getAttribute("content");
      expect(policy).toMatch(/script-src 'self'/);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    });

    it("turns the reliability table's headers into sort buttons that sort", async () => {
      const buttons = page.locator("table.reliability-table thead button.sort-button");
      await expect.poll(() => buttons.count()).toBeGreaterThan(1);
      const firstColumn = () =>
        page
          .locator("table.reliability-table tbody tr")
          .evaluateAll((rows) =>
            rows.map((row) => (row as HTMLTableRowElement).cells[0]?.textContent.trim() ?? ""),
          );
      const before = await firstColumn();
      await buttons.first().click();
      expect(
        await page.locator("table.reliability-table thead th").first().getAttribute("aria-sort"),
      ).toBe("ascending");
      const ascending = await firstColumn();
      // The author's order is not alphabetical: sorting moves rows, and the same rows stay.
      expect(ascending).not.toEqual(before);
      expect([...ascending].sort()).toEqual([...before].sort());
      await buttons.first().click();
      expect(await firstColumn()).toEqual([...ascending].reverse());
    });

    it("shows the copy buttons of the citation box", async () => {
      const copy = page.locator("button.copy-button[data-copy]");
      expect(await copy.count()).toBeGreaterThan(0);
      await expect.poll(() => copy.first().isVisible()).toBe(true);
    });

    it("reports no CSP violation and no console error", () => {
      expect(violations).toEqual([]);
    });
  },
);
