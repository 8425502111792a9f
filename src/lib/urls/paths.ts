/** Normalises a base path to start and end with a slash (`casefile` → `/casefile/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? "/").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** True for a site-internal, root-relative path (`/incidents/x/`), not `//host` or a URL. */
export function isRootRelative(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//");
}

/**
 * Prefixes a root-relative path with the base path, once. Page paths get the trailing slash the
 * site's directory format needs; files (with an extension) and fragments stay as they are.
 */
export function withBase(base: string, path: string): string {
  if (!isRootRelative(path)) return path;
  const prefix = normaliseBase(base);
  if (prefix !== "/" && (path === prefix.slice(0, -1) || path.startsWith(prefix))) return path;
  const [pathname, rest] = splitSuffix(path);
  const slashed =
    pathname.endsWith("/") || /\.[a-z0-9]+$/i.test(pathname) ? pathname : `${pathname}/`;
  return prefix + slashed.slice(1) + rest;
}

/**
 * A URL's path or fragment with its percent-escapes decoded, or undefined when an escape is
 * malformed (`%zz`, or bytes that are not UTF-8), where `decodeURIComponent` would throw.
 */
export function decodedPath(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Splits `/a/b?x#y` into the path and the `?…#…` suffix. */
function splitSuffix(path: string): [string, string] {
  const index = path.search(/[?#]/);
  return index === -1 ? [path, ""] : [path.slice(0, index), path.slice(index)];
}

/** The site's own paths, in one place, so that a URL is spelled once. */
export const routes = {
  /** The home page with the incident list. */
  home: () => "/",
  /** An incident page. */
  incident: (id: string) => `/incidents/${id}/`,
  /** An incident's processing report. */
  incidentSources: (id: string) => `/incidents/${id}/sources/`,
  /** An export of an incident (`index.json`, `cite.bib`…: src/lib/exports). */
  incidentExport: (id: string, file: string) => `/incidents/${id}/${file}`,
  /** A data file of an incident, copied as is. */
  incidentData: (id: string, file: string) => `/incidents/${id}/data/${file}`,
  /** A file published for a capture (`captures/text/….txt`, `captures/original/…`), each segment escaped. */
  incidentCapture: (id: string, file: string) =>
    `/incidents/${id}/${file.split("/").map(encodeURIComponent).join("/")}`,
  /** An outlet page. */
  outlet: (id: string) => `/outlets/${id}/`,
} as const;
