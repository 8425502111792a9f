/**
 * `casefile()`: everything Casefile adds to an Astro build, in one integration. It resolves the
 * site's settings once, gives Astro its configuration, injects the routes it needs, runs the
 * content check at the start of a build and the after-build steps at its end, and reports author
 * problems as one paragraph each. `astro build` and `npm run build` are the same build.
 */
import type { AstroIntegration } from "astro";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { rendererVersion } from "../lib/charts/render-cache.ts";
import { isCasefileError, problemsOf } from "../lib/errors.ts";
import { exportFormats } from "../lib/exports/index.ts";
import { routes } from "../lib/urls/paths.ts";
import { contentProblems } from "../site/problems.ts";
import { settingsFile } from "../schemas/settings.ts";
import { readSettings, samplesFolder, type SiteSettings } from "../site/settings.ts";
import { astroConfig } from "./astro-config.ts";
import { startCheck } from "./check.ts";
import { collectGarbage } from "./collect.ts";
import { reloadOnDataFiles } from "./dev.ts";
import { configureLog, holdLog, releaseLog } from "./log.ts";
import { buildSteps } from "./steps/index.ts";
import { runSteps } from "./steps/step.ts";
import { stopBuild } from "./stop.ts";
import { virtualSettings } from "./virtual-settings.ts";

/** Reads the settings, or stops with the problem when one is invalid. */
function settingsOrStop(): SiteSettings {
  try {
    return readSettings();
  } catch (error) {
    if (isCasefileError(error)) stopBuild(problemsOf(error), ".");
    throw error;
  }
}

/**
 * The Casefile integration. It takes no options: a site's settings are in its
 * `casefile.config.yaml` (src/schemas/settings.ts), which `npm run check` reads too.
 */
export function casefile(): AstroIntegration {
  const settings = settingsOrStop();
  let check: Promise<number> | undefined;
  // Cache entries used from here on are this build's (see the "prune caches" step).
  let started = Date.now();
  return {
    name: "casefile",
    hooks: {
      "astro:config:setup": ({ command, updateConfig, injectRoute }) => {
        configureLog({ root: settings.root, debug: settings.debug, command });
        updateConfig({
          ...astroConfig(settings),
          logger: { entrypoint: new URL("log.ts", import.meta.url) },
        });
        updateConfig({
          vite: { plugins: [virtualSettings(settings, rendererVersion(settings.project))] },
        });
        // A build writes the exports after the pages (steps/incident-exports.ts); the dev server
        // serves them, like the data files, through a route.
        if (command === "dev")
          for (const format of exportFormats)
            injectRoute({
              pattern: routes.incidentExport("[id]", format.file),
              entrypoint: new URL("routes/incident-export.ts", import.meta.url),
            });
        if (command === "dev")
          injectRoute({
            pattern: "/incidents/[id]/data/[file]",
            entrypoint: new URL("routes/data-file.ts", import.meta.url),
          });
        if (settings.samples && (command === "build" || command === "dev"))
          process.stderr.write(
            `note: no site is started in this folder, so this is the sample site in ${samplesFolder}/. Start your own with npm run start-site (see the README)\n`,
          );
        if (command === "build" && !settings.urlGiven && settings.ci)
          stopBuild(
            [
              {
                file: settingsFile,
                field: "url",
                message:
                  "a build under CI=true has no site URL, and its citations, feed, sitemap and dossiers would name a development address",
                hint: "set url: in casefile.config.yaml, or SITE_URL (and BASE_PATH) in the environment as the GitHub Pages workflow does",
              },
            ],
            settings.root,
          );
        if (command === "build" && !settings.urlGiven)
          process.stderr.write(
            `warning: no site URL is set, so the citations (cite.bib, cite.ris, cite.json, citation meta tags), canonical links, the feed, the sitemap, the STIX bundles and the dossiers will name ${settings.url}. Hint: set url: in casefile.config.yaml, or SITE_URL to the address the site is published at, e.g. SITE_URL=https://owner.github.io BASE_PATH=/repository/ npm run build (the GitHub Pages workflow sets both)\n`,
          );
        if (command === "build") {
          started = Date.now();
          // The check runs beside Astro's start, content sync and bundling; Astro's output waits
          // for its verdict, so that a failed check prints only its problems.
          holdLog();
          check = startCheck(settings);
        }
      },
      "astro:server:setup": ({ server }) => reloadOnDataFiles(server, settings),
      "astro:build:start": async () => {
        const code = await (check ?? Promise.resolve(0));
        releaseLog(code === 0);
        if (code !== 0) process.exit(code);
        // The check passed; a loader that still found problems (it read the content later) stops too.
        const problems = contentProblems();
        if (problems.length > 0) stopBuild(problems, settings.root);
      },
      "astro:build:done": async ({ dir, logger }) => {
        const heap = collectGarbage();
        if (heap) logger.info(`heap after the pages: ${heap.before} → ${heap.after} MB in use`);
        const out = fileURLToPath(dir);
        const site = { out, base: settings.base, origin: new URL(settings.url).origin };
        const cache = {
          folder: join(settings.cacheDir, "casefile"),
          projectRoot: settings.project,
        };
        try {
          await runSteps(buildSteps, { settings, out, site, cache, started }, (line) =>
            logger.info(line),
          );
        } catch (error) {
          if (isCasefileError(error) && !settings.debug)
            stopBuild(problemsOf(error), settings.root);
          throw error;
        }
      },
    },
  };
}
