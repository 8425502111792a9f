import type { AstroIntegration } from "astro";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { loadIncidents } from "../lib/content/load.ts";
import { CasefileError, markedMessage } from "../lib/errors.ts";
import { outputFile, publishedPaths } from "../lib/urls/published.ts";
import {
  compareLock,
  expandRedirects,
  lockFile,
  readLock,
  redirectPage,
  redirectsFrom,
  writeLock,
} from "../lib/urls/url-lock.ts";
import { withBase } from "../lib/urls/paths.ts";
import { siteRoot } from "../site-root.ts";

/** Every file under a folder, relative, with forward slashes. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/**
 * The URL lock: after the build, writes redirect pages for renamed incidents and fails the build,
 * naming each URL, if a URL in `urls.lock` would vanish. `CASEFILE_LOCK=1` (`npm run lock`) adds
 * the build's new URLs to the lock; CI never does.
 */
export function urlLock(): AstroIntegration {
  let base = "/";
  return {
    name: "casefile-url-lock",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const root = siteRoot();
        const lockPath = join(root, lockFile);
        const locked = existsSync(lockPath) ? readLock(readFileSync(lockPath, "utf8")) : [];
        const incidents = loadIncidents(root);
        const titles = new Map(
          incidents.map((incident) => [`/incidents/${incident.id}/`, incident.data.title]),
        );
        const redirects = expandRedirects(
          redirectsFrom(
            incidents.map((incident) => ({
              id: incident.id,
              redirect_from: incident.data.redirect_from,
            })),
          ),
          locked,
        );
        const before = new Set(publishedPaths(filesUnder(out)));
        for (const [from, to] of redirects) {
          if (before.has(from) || !before.has(to)) continue;
          const target = join(out, outputFile(from));
          mkdirSync(dirname(target), { recursive: true });
          if (to.endsWith("/")) {
            const page = titles.get(to) ?? "the page";
            writeFileSync(target, redirectPage({ to: withBase(base, to), title: page }));
          } else {
            // A file cannot redirect by itself: the old URL serves the same bytes.
            copyFileSync(join(out, outputFile(to)), target);
          }
        }
        const built = publishedPaths(filesUnder(out));
        const comparison = compareLock(locked, built, redirects);
        if (comparison.missing.length > 0) {
          const problems = comparison.missing.map((path) => ({
            file: lockFile,
            message: `published URL ${path} would vanish`,
            hint: "add the old id to the incident's redirect_from (if it was renamed) or restore the page; a published URL must keep working",
          }));
          throw new Error(markedMessage(problems), { cause: new CasefileError(problems[0]!) });
        }
        if (process.env["CASEFILE_LOCK"] === "1" && process.env["CI"] !== "true") {
          writeFileSync(lockPath, writeLock([...locked, ...built]));
          logger.info(
            `${lockFile}: ${comparison.added.length} new URLs locked (${built.length} built)`,
          );
        } else if (comparison.added.length > 0) {
          logger.info(
            `${comparison.added.length} new URLs are not in ${lockFile} yet (e.g. ${comparison.added[0]}); run \`npm run lock\` when you publish them`,
          );
        }
      },
    },
  };
}
