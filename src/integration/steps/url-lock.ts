import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadIncidents } from "../../lib/content/load.ts";
import { CasefileErrors } from "../../lib/errors.ts";
import { insideFolder } from "../../lib/safe-path.ts";
import { outputFile, publishedPaths } from "../../lib/urls/published.ts";
import {
  compareLock,
  expandRedirects,
  lockFile,
  readLock,
  redirectPage,
  redirectsFrom,
  writeLock,
} from "../../lib/urls/url-lock.ts";
import { routes, withBase } from "../../lib/urls/paths.ts";
import type { StepContext } from "./step.ts";

/** Every file under a folder, relative, with forward slashes. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/**
 * The URL lock: writes redirect pages for renamed incidents and fails the build, naming each URL,
 * if a URL in `urls.lock` would vanish. With `settings.lock` (`npm run lock`) it adds the build's
 * new URLs to the lock; CI never does.
 */
export function checkUrlLock({ settings, out }: StepContext): string {
  const root = settings.root;
  const lockPath = join(root, lockFile);
  const locked = existsSync(lockPath) ? readLock(readFileSync(lockPath, "utf8")) : [];
  const incidents = loadIncidents(root);
  const titles = new Map(
    incidents.map((incident) => [routes.incident(incident.id), incident.data.title]),
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
    const target = insideFolder(out, outputFile(from), "the output folder", { file: lockFile });
    // A redirect never replaces a file the build wrote (redirect_from names only old incidents).
    if (existsSync(target)) throw new Error(`a redirect from ${from} would replace ${target}`);
    mkdirSync(dirname(target), { recursive: true });
    if (to.endsWith("/")) {
      const page = titles.get(to) ?? "the page";
      writeFileSync(target, redirectPage({ to: withBase(settings.base, to), title: page }));
    } else {
      // A file cannot redirect by itself: the old URL serves the same bytes.
      copyFileSync(join(out, outputFile(to)), target);
    }
  }
  const built = publishedPaths(filesUnder(out));
  const comparison = compareLock(locked, built, redirects);
  if (comparison.missing.length > 0)
    throw new CasefileErrors(
      comparison.missing.map((path) => ({
        file: lockFile,
        message: `published URL ${path} would vanish`,
        hint: "add the old id to the incident's redirect_from (if it was renamed) or restore the page; a published URL must keep working",
      })),
    );
  if (settings.lock) {
    writeFileSync(lockPath, writeLock([...locked, ...built]));
    return `${lockFile}: ${comparison.added.length} new URLs locked (${built.length} built)`;
  }
  return comparison.added.length > 0
    ? `${comparison.added.length} new URLs are not in ${lockFile} yet (e.g. ${comparison.added[0]}); run \`npm run lock\` when you publish them`
    : `${lockFile}: every URL still published`;
}
