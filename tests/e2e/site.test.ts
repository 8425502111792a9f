import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync } from "fflate";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  browserAvailable,
  buildInProject,
  launchBrowser,
  launchProfile,
  serveSite,
  type SiteServer,
} from "../helpers/browser.ts";
import { removeBuild } from "../helpers/build-site.ts";

const incident = "2024-venezuela-cne-election-ddos";
const unvisited = "2021-bolivia-oep-results-site-intrusion";
const outlet = "mision-verdad";
const slow = 90_000;

/** Waits until the page is controlled by an activated service worker. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
}

/** Unpacks a built site's offline zip into a new temporary folder, and returns the folder. */
function unzipOffline(outDir: string): string {
  const folder = mkdtempSync(join(tmpdir(), "casefile-unzipped-"));
  const entries = unzipSync(readFileSync(join(outDir, "casefile-offline.zip")));
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith("/")) continue;
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), bytes);
  }
  return folder;
}

/** Cuts the network for a context: the server drops connections and Chromium reports offline. */
async function goOffline(context: BrowserContext, server: SiteServer): Promise<void> {
  server.down = true;
  await context.setOffline(true);
}

describe.skipIf(!browserAvailable()).each(["/", "/casefile/"])(
  "the site in Chromium under %s",
  (base) => {
    let outDir: string;
    let server: SiteServer;
    let browser: Browser;
    const url = (path: string) => `${server.url}${path}`;

    beforeAll(async () => {
      outDir = buildInProject(base).outDir;
      server = await serveSite(outDir, base);
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
      "reads the home, an incident and an outlet page with JavaScript disabled",
      async () => {
        const context = await browser.newContext({ javaScriptEnabled: false });
        const page = await context.newPage();
        await page.goto(url(""));
        await expect(page.locator("h1").textContent()).resolves.toBe("Casefile");
        expect(await page.locator("table tbody tr").count()).toBeGreaterThanOrEqual(3);
        expect(await page.locator("svg[role=img]").count()).toBeGreaterThan(0);
        await page.goto(url(`incidents/${incident}/`));
        await expect(page.locator("h1").textContent()).resolves.toMatch(/Venezuela/);
        expect(await page.locator("table tbody tr").count()).toBeGreaterThan(3);
        expect(await page.locator("svg[role=img]").first().isVisible()).toBe(true);
        await page.goto(url(`outlets/${outlet}/`));
        await expect(page.locator("h1").textContent()).resolves.toBe("Misión Verdad");
        expect(
          await page.locator(`table a[href$="/incidents/${incident}/"]`).count(),
        ).toBeGreaterThan(0);
        await page.goto(url("search/"));
        await expect(page.locator("[data-search-note]").textContent()).resolves.toMatch(
          /needs JavaScript/,
        );
        expect(await page.locator(`table a[href$="/incidents/${incident}/"]`).count()).toBe(1);
        await context.close();
      },
      slow,
    );

    it(
      "makes no request that leaves 127.0.0.1",
      async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (request) => requests.push(request.url()));
        for (const path of [
          "",
          `incidents/${incident}/`,
          `incidents/${incident}/sources/`,
          `outlets/${outlet}/`,
          "search/?q=Macedonia",
        ]) {
          await page.goto(url(path));
          await page.waitForLoadState("networkidle");
        }
        expect(requests.length).toBeGreaterThan(5);
        expect(
          requests.filter(
            (request) => !request.startsWith(server.origin) && !request.startsWith("data:"),
          ),
        ).toEqual([]);
        await context.close();
      },
      slow,
    );

    it(
      "finds the 2024 incident when searching for Macedonia, and filters by year",
      async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url("search/"));
        await page.locator("#search-query").fill("Macedonia");
        const hit = page.locator(`[data-search-results] a[href="${base}incidents/${incident}/"]`);
        await hit.waitFor();
        expect(await page.locator("[data-search-status]").textContent()).toMatch(/match/);
        expect(await page.locator("[data-search-results] mark").count()).toBeGreaterThan(0);
        // The header's plain GET form lands on the search page with the query filled in.
        await page.goto(url(""));
        await page.locator("#site-search").fill("Macedonia");
        await page.locator("#site-search").press("Enter");
        await page.waitForURL(/search\/\?q=Macedonia/);
        await hit.waitFor();
        await page.goto(url("search/?year=2021"));
        await page
          .locator(`[data-search-results] a[href="${base}incidents/${unvisited}/"]`)
          .waitFor();
        expect(
          await page
            .locator(`[data-search-results] a[href="${base}incidents/${incident}/"]`)
            .count(),
        ).toBe(0);
        await context.close();
      },
      slow,
    );

    it(
      "keeps the home page and a visited incident page readable offline",
      async () => {
        const context = await launchProfile();
        const page = await context.newPage();
        try {
          await page.goto(url(""));
          await controlled(page);
          await page.goto(url(`incidents/${incident}/`));
          await page.waitForLoadState("networkidle");
          await goOffline(context, server);
          await page.reload();
          await expect(page.locator("h1").textContent()).resolves.toMatch(/Venezuela/);
          expect(await page.locator("svg[role=img]").first().isVisible()).toBe(true);
          // The style sheet came from the cache too.
          expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(
            /system-ui/,
          );
          await page.goto(url(""));
          await expect(page.locator("h1").textContent()).resolves.toBe("Casefile");
        } finally {
          server.down = false;
          await context.close();
        }
      },
      slow,
    );

    it(
      "saves the whole site with one button, so that an unvisited page reads offline",
      async () => {
        const context = await launchProfile();
        const page = await context.newPage();
        try {
          await page.goto(url(""));
          await controlled(page);
          const button = page.getByRole("button", {
            name: "Save the whole site for offline reading",
          });
          await button.click();
          await page
            .locator("[data-save-status]", { hasText: "Saved all" })
            .waitFor({ timeout: 30_000 });
          await goOffline(context, server);
          await page.goto(url(`incidents/${unvisited}/`));
          await expect(page.locator("h1").textContent()).resolves.toMatch(/Bolivia/);
          expect(await page.locator("svg[role=img]").first().isVisible()).toBe(true);
          await page.goto(url(`outlets/${outlet}/`));
          await expect(page.locator("h1").textContent()).resolves.toBe("Misión Verdad");
        } finally {
          server.down = false;
          await context.close();
        }
      },
      slow,
    );

    it(
      "reads the zip of the whole site from disk, following links to an incident's charts",
      async () => {
        const folder = unzipOffline(outDir);
        const context = await browser.newContext();
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (request) => requests.push(request.url()));
        await page.goto(pathToFileURL(join(folder, "casefile/index.html")).href);
        await page.locator(`table a[href*="${incident}"]`).first().click();
        await page.waitForURL(new RegExp(`/incidents/${incident}/index\\.html$`));
        expect(await page.locator("svg[role=img]").first().isVisible()).toBe(true);
        expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(
          /system-ui/,
        );
        await page.locator(`a[href*="outlets/${outlet}/"]`).first().click();
        await page.waitForURL(new RegExp(`/outlets/${outlet}/index\\.html$`));
        await page.goto(pathToFileURL(join(folder, "casefile/search/index.html")).href);
        await expect(page.locator("[data-search-note]").textContent()).resolves.toMatch(
          /needs a web server/,
        );
        expect(
          requests.filter(
            (request) => !request.startsWith("file:") && !request.startsWith("data:"),
          ),
        ).toEqual([]);
        await context.close();
      },
      slow,
    );

    it(
      "opens an incident's dossier from the zip and follows its links to the copies beside it",
      async () => {
        const folder = unzipOffline(outDir);
        const context = await browser.newContext();
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (request) => requests.push(request.url()));
        const dossier = join(folder, `casefile/incidents/${incident}/dossier.html`);
        await page.goto(pathToFileURL(dossier).href);
        expect(await page.locator("svg[role=img]").first().isVisible()).toBe(true);
        await page.locator(`a[href*="outlets/${outlet}/"]`).first().click();
        await page.waitForURL(new RegExp(`^file:.*/outlets/${outlet}/index\\.html$`));
        await page.goBack();
        const ris = await page
          .locator(`a[href$="cite.ris"]`)
          .first()
          .evaluate((link) => (link as HTMLAnchorElement).href);
        expect(ris).toBe(
          pathToFileURL(join(folder, `casefile/incidents/${incident}/cite.ris`)).href,
        );
        expect(
          requests.filter(
            (request) => !request.startsWith("file:") && !request.startsWith("data:"),
          ),
        ).toEqual([]);
        await context.close();
      },
      slow,
    );

    it(
      "opens every <details> for printing and hides the search box and save button on paper",
      async () => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(url(`incidents/${incident}/`));
        const closed = () => page.locator("details:not([open])").count();
        const before = await closed();
        expect(before).toBeGreaterThan(0);
        await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
        expect(await closed()).toBe(0);
        await page.evaluate(() => dispatchEvent(new Event("afterprint")));
        expect(await closed()).toBe(before);
        await page.emulateMedia({ media: "print" });
        expect(await page.locator(".search-box").isVisible()).toBe(false);
        expect(await page.locator(".save-offline").isVisible()).toBe(false);
        expect(await page.locator("svg[role=img]").first().isVisible()).toBe(true);
        await context.close();
      },
      slow,
    );

    it.each(["", `incidents/${incident}/`, `outlets/${outlet}/`, "search/?q=Macedonia"])(
      "has no axe-core accessibility violations on /%s",
      async (path) => {
        // axe-core is injected as a script, which the site's CSP would block.
        const context = await browser.newContext({ bypassCSP: true });
        const page = await context.newPage();
        await page.goto(url(path));
        await page.waitForLoadState("networkidle");
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      },
      slow,
    );
  },
);
