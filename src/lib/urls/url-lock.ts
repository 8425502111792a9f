import { CasefileError } from "../errors.ts";
import { unsafePathReason } from "../safe-path.ts";
import { isRootRelative, routes } from "./paths.ts";

/**
 * The URL lock: `urls.lock`, committed with the site, lists every site path (without the base
 * path) that has ever been published, one a line, sorted. A build that stops producing a locked
 * path fails unless the path redirects somewhere that is built; new paths are added to the lock.
 */

/** Name of the lock file at the site root. */
export const lockFile = "urls.lock";

/** The comment lines the lock file starts with. */
const lockHeader = [
  "# urls.lock: every URL path this site has published, one a line, sorted. Cited URLs must not break:",
  "# the build fails if a path here is no longer built, unless the page's redirect_from keeps it working.",
];

/** Reads a lock file's paths (comments and blank lines skipped), each once, in file order. */
export function readLock(text: string): string[] {
  const paths = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const plain = line === "/" || unsafePathReason(line.slice(1).replace(/\/$/, "")) === undefined;
    if (!isRootRelative(line) || /\s/.test(line) || !plain) {
      throw new CasefileError({
        file: lockFile,
        line: index + 1,
        message: `"${line}" is not a site path`,
        hint: "each line is a path starting with / (e.g. /incidents/2024-example/), without ./, ../, // or %; comments start with #",
      });
    }
    paths.add(line);
  });
  return [...paths];
}

/** Compares strings by UTF-16 code units, so that order does not depend on the locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lock file's text: the header, then the paths sorted and unique, ending in a newline. */
export function writeLock(paths: Iterable<string>): string {
  const sorted = [...new Set(paths)].sort(byCodeUnit);
  return [...lockHeader, ...sorted].join("\n") + "\n";
}

/** How the built paths differ from the lock. */
export interface LockComparison {
  /** Locked paths that are neither built nor redirected to a built path: broken URLs. */
  missing: string[];
  /** Built paths not in the lock yet. */
  added: string[];
  /** Locked paths that are not built but redirect (possibly in several steps) to a built path. */
  redirected: string[];
}

/** Where a path ends up after following redirects step by step, or undefined on a loop. */
function finalTarget(path: string, step: (path: string) => string | undefined): string | undefined {
  const seen = new Set<string>();
  let current = path;
  for (let next = step(current); next !== undefined; next = step(current)) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    current = next;
  }
  return current;
}

/** Compares the locked paths with the built ones, given the site's redirects (old → new path). */
export function compareLock(
  locked: readonly string[],
  built: readonly string[],
  redirects: ReadonlyMap<string, string>,
): LockComparison {
  const builtSet = new Set(built);
  const lockedSet = new Set(locked);
  const missing: string[] = [];
  const redirected: string[] = [];
  for (const path of lockedSet) {
    if (builtSet.has(path)) continue;
    const target = redirects.has(path)
      ? finalTarget(path, (from) => redirects.get(from))
      : undefined;
    if (target !== undefined && builtSet.has(target)) redirected.push(path);
    else missing.push(path);
  }
  const added = [...builtSet].filter((path) => !lockedSet.has(path));
  return {
    missing: missing.sort(byCodeUnit),
    added: added.sort(byCodeUnit),
    redirected: redirected.sort(byCodeUnit),
  };
}

/** An incident as far as redirects are concerned. */
export interface RedirectSource {
  /** Current id. */
  id: string;
  /** Old ids or old paths of the incident. */
  redirect_from: readonly string[];
}

const idPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const incidentPathPattern = /^\/incidents\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/;

/**
 * A `redirect_from` entry as the old incident page's path: an old id (`2024-old-name`) or an old
 * incident path (`/incidents/2024-old-name/`). Nothing else: a redirect page is written where the
 * entry points, so an entry may only name an incident page that nothing else builds.
 */
function oldPath(entry: string): string | undefined {
  const trimmed = entry.trim();
  const id = idPattern.test(trimmed) ? trimmed : incidentPathPattern.exec(trimmed)?.[1];
  return id === undefined ? undefined : routes.incident(id);
}

/**
 * The redirects the incidents ask for (old incident page → current incident page). An entry is an
 * old id (`2024-old-name`) or an old incident path (`/incidents/2024-old-name/`), without the base
 * path.
 * Redirecting a live incident's path, or one path to two incidents, is an author error.
 */
export function redirectsFrom(incidents: readonly RedirectSource[]): Map<string, string> {
  const live = new Set(incidents.map((incident) => routes.incident(incident.id)));
  const claimedBy = new Map<string, string>();
  const redirects = new Map<string, string>();
  for (const incident of incidents) {
    const target = routes.incident(incident.id);
    incident.redirect_from.forEach((entry, index) => {
      const where = {
        file: `content/incidents/${incident.id}.mdx`,
        field: `redirect_from[${index}]`,
      };
      const from = oldPath(entry);
      if (from === undefined) {
        throw new CasefileError({
          ...where,
          message: `"${entry}" is neither an old incident id nor an old incident path`,
          hint: "write the old id (2024-old-name) or the old page's path (/incidents/2024-old-name/), without domain or base path; the files beneath an old page redirect with it",
        });
      }
      if (live.has(from)) {
        throw new CasefileError({
          ...where,
          message: `${from} is a current incident's page, so it cannot redirect`,
          hint: "remove the entry, or rename the other incident first",
        });
      }
      const other = claimedBy.get(from);
      if (other !== undefined && other !== incident.id) {
        throw new CasefileError({
          ...where,
          message: `${from} already redirects to incident "${other}"`,
          hint: "an old URL can redirect to one incident only; keep the entry in one of them",
        });
      }
      claimedBy.set(from, incident.id);
      redirects.set(from, target);
    });
  }
  return new Map([...redirects].sort(([a], [b]) => byCodeUnit(a, b)));
}

/**
 * Extends page redirects to the locked paths beneath them (`/incidents/old/sources/` →
 * `/incidents/new/sources/`, `/incidents/old/cite.bib` → `/incidents/new/cite.bib`) and resolves
 * chains (an incident renamed twice), so that every entry points at its final path.
 */
export function expandRedirects(
  redirects: ReadonlyMap<string, string>,
  locked: readonly string[],
): Map<string, string> {
  const folders = [...redirects].filter(([from, to]) => from.endsWith("/") && to.endsWith("/"));
  // One redirect step: the path's own redirect, else its closest redirected folder's.
  const step = (path: string): string | undefined => {
    const own = redirects.get(path);
    if (own !== undefined) return own;
    const folder = folders
      .filter(([from]) => path.startsWith(from))
      .reduce<[string, string] | undefined>(
        (best, entry) => (best === undefined || entry[0].length > best[0].length ? entry : best),
        undefined,
      );
    return folder === undefined ? undefined : folder[1] + path.slice(folder[0].length);
  };
  const sources = new Set([
    ...redirects.keys(),
    ...locked.filter((path) => step(path) !== undefined),
  ]);
  const expanded = new Map<string, string>();
  for (const from of [...sources].sort(byCodeUnit)) {
    // On a loop, keep the first step: compareLock then reports the path as missing.
    const to = finalTarget(from, step) ?? step(from);
    if (to !== undefined) expanded.set(from, to);
  }
  return expanded;
}

/** Escapes text for an HTML text node or a double-quoted attribute. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** What a redirect page needs. */
export interface RedirectPageInput {
  /** Where the page moved: an absolute http(s) URL or a root-relative path that already includes the base. */
  to: string;
  /** Title of the page it moved to. */
  title: string;
}

/** How every redirect page starts (and no page Astro renders does). */
const redirectPageStart =
  '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Moved: ';

/** True for a page `redirectPage` wrote. */
export function isRedirectPage(html: string): boolean {
  return html.startsWith(redirectPageStart);
}

/** A small static HTML page that sends readers and crawlers from an old URL to the new one. */
export function redirectPage({ to, title }: RedirectPageInput): string {
  if (!isRootRelative(to) && !/^https?:\/\//i.test(to)) {
    throw new TypeError(
      `redirect target must be an http(s) URL or a root-relative path, got "${to}"`,
    );
  }
  const href = escapeHtml(to);
  const name = escapeHtml(title);
  return [
    `${redirectPageStart}${name}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${href}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    "</head>",
    "<body>",
    `<p>This page has moved to <a href="${href}">${name}</a>.</p>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
