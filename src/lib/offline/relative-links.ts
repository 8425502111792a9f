import { decodedPath, isRootRelative } from "../urls/paths.ts";

/** What rewriting the links of one file of the offline copy needs. */
export interface RewriteOptions {
  /** The base path the site was built under (`/` or `/casefile/`). */
  base: string;
  /** Every file of the offline copy, relative to its root (`incidents/x/index.html`). */
  files: ReadonlySet<string>;
  /** The site's origin (`https://example.org`): links to files left out of the copy point there. */
  origin?: string | undefined;
}

/** The file of the copy a base-prefixed path names, trying `index.html` for folders. */
function targetFile(
  pathname: string,
  base: string,
  files: ReadonlySet<string>,
): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodedPath(pathname.slice(base.length));
  if (rest === undefined) return undefined;
  const candidates =
    rest === "" || rest.endsWith("/") ? [`${rest}index.html`] : [rest, `${rest}/index.html`];
  return candidates.find((candidate) => files.has(candidate));
}

/** The relative path from one file of the copy to another (`a/b/index.html` → `../../c.css`). */
export function relativePath(from: string, to: string): string {
  const fromFolders = from.split("/").slice(0, -1);
  const toParts = to.split("/");
  let common = 0;
  while (
    common < fromFolders.length &&
    common < toParts.length - 1 &&
    fromFolders[common] === toParts[common]
  )
    common++;
  const up: string[] = Array.from({ length: fromFolders.length - common }, () => "..");
  return [...up, ...toParts.slice(common)].map(encodeURIComponent).join("/");
}

/**
 * One URL of a file of the copy, made relative: a page becomes its `index.html`, so that it opens
 * from disk. URLs to files outside the copy become absolute on the site's origin (or stay as they
 * are without one); other URLs (external, fragments, relative) are left alone.
 */
export function relativeUrl(url: string, fromFile: string, options: RewriteOptions): string {
  if (!isRootRelative(url)) return url;
  const parsed = new URL(url, "http://copy.invalid");
  const target = targetFile(parsed.pathname, options.base, options.files);
  if (target === undefined) return options.origin ? new URL(url, options.origin).href : url;
  const path = relativePath(fromFile, target);
  if (target === fromFile && parsed.hash && !parsed.search) return parsed.hash;
  return path + parsed.search + parsed.hash;
}

/** Decodes the entities Astro writes in attribute values that can occur in URLs. */
function unescapeAttribute(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&#38;/g, "&");
}

/** Escapes a URL for a double-quoted attribute. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
}

/** Rewrites `url(…)` and `@import "…"` references of a style sheet with a function. */
export function mapCssUrls(css: string, map: (url: string) => string): string {
  return css
    .replace(
      /url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g,
      (_, quote: string, url: string) => `url(${quote}${map(url)}${quote})`,
    )
    .replace(
      /@import\s+(['"])([^'"]+)\1/g,
      (_, quote: string, url: string) => `@import ${quote}${map(url)}${quote}`,
    );
}

/** Rewrites every URL attribute (`href`, `src`, `srcset`, `action`, `poster`) and inline style sheet of a page. */
export function mapHtmlUrls(html: string, map: (url: string) => string): string {
  return html
    .replace(
      /(\s(?:href|src|action|poster)=)"([^"]*)"/g,
      (_, name: string, value: string) =>
        `${name}"${escapeAttribute(map(unescapeAttribute(value)))}"`,
    )
    .replace(/(\ssrcset=)"([^"]*)"/g, (_, name: string, value: string) => {
      const candidates = value.split(",").map((candidate) => {
        const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
        return [escapeAttribute(map(unescapeAttribute(url))), ...descriptor].join(" ");
      });
      return `${name}"${candidates.join(", ")}"`;
    })
    .replace(
      /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g,
      (_, open: string, css: string, close: string) => open + mapCssUrls(css, map) + close,
    );
}

/** Module scripts loaded from a file, which browsers refuse to run from `file:` pages. */
const externalModuleScript =
  /<script\b(?=[^>]*\stype="module")(?=[^>]*\ssrc=")[^>]*>\s*<\/script>/g;

/** `<link>` elements whose target is in the page's own folder tree or on the site (href captured). */
const linkElement = /<link\b[^>]*\shref="([^"]*)"[^>]*>/g;

/**
 * A page of the offline copy: every internal link relative and ending in `index.html`, module
 * scripts with a `src` removed (pages read without them), and `<link>` elements whose target is
 * not in the copy (web app manifest, preloads of left-out files) removed rather than fetched.
 */
export function offlinePage(html: string, file: string, options: RewriteOptions): string {
  const withoutScripts = html.replace(externalModuleScript, "");
  const withoutDeadLinks = withoutScripts.replace(linkElement, (element: string, url: string) => {
    const href = unescapeAttribute(url);
    if (!isRootRelative(href)) return element;
    return targetFile(
      new URL(href, "http://copy.invalid").pathname,
      options.base,
      options.files,
    ) === undefined
      ? ""
      : element;
  });
  return mapHtmlUrls(withoutDeadLinks, (url) => relativeUrl(url, file, options));
}

/** A style sheet of the offline copy with its internal `url(…)` references relative. */
export function offlineStylesheet(css: string, file: string, options: RewriteOptions): string {
  return mapCssUrls(css, (url) => relativeUrl(url, file, options));
}
