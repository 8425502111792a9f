import { decodedPath } from "./paths.ts";

/** A link in a built page that does not resolve. */
export interface BrokenLink {
  /** The page holding the link, relative to the output folder. */
  page: string;
  /** The link as written. */
  href: string;
  /** Why it does not resolve. */
  reason: string;
}

const linkPattern = /\s(?:href|src)="([^"]*)"/g;
const idPattern = /\sid="([^"]*)"/g;

/** Decodes the few HTML entities that appear in attribute values. */
function unescape(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** The output file a site path resolves to, trying `index.html` for folders. */
function resolveFile(pathname: string, files: ReadonlySet<string>): string | undefined {
  const path = decodedPath(pathname)?.replace(/^\/+/, "");
  if (path === undefined) return undefined;
  const candidates =
    path === "" || path.endsWith("/") ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/**
 * Checks every internal `href` and `src` of the HTML pages: it must start with the base path,
 * resolve to a file of the output, and, with a fragment, to an element id on the target page.
 * `pages` maps output paths (`incidents/x/index.html`) to their HTML; `files` lists every file.
 */
export function checkLinks(
  pages: ReadonlyMap<string, string>,
  files: ReadonlySet<string>,
  base: string,
): BrokenLink[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (page: string) => {
    let set = ids.get(page);
    if (!set) {
      set = new Set(
        [...(pages.get(page) ?? "").matchAll(idPattern)].map((match) => unescape(match[1] ?? "")),
      );
      ids.set(page, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const [page, html] of pages) {
    for (const match of html.matchAll(linkPattern)) {
      const href = unescape(match[1] ?? "");
      if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue;
      const url = new URL(href, `http://site.invalid${base}${page}`);
      if (!url.pathname.startsWith(base)) {
        broken.push({ page, href, reason: `does not start with the base path ${base}` });
        continue;
      }
      if (decodedPath(url.pathname) === undefined || decodedPath(url.hash) === undefined) {
        broken.push({ page, href, reason: "a malformed percent-escape" });
        continue;
      }
      const target = resolveFile(url.pathname.slice(base.length), files);
      const id = decodedPath(url.hash.slice(1)) ?? "";
      if (!target) {
        broken.push({ page, href, reason: "no such file in the output" });
      } else if (url.hash.length > 1 && target.endsWith(".html") && !idsOf(target).has(id)) {
        broken.push({ page, href, reason: `no element with id "${id}" on ${target}` });
      }
    }
  }
  return broken;
}
