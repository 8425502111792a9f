import { dossierPolicy, policyElement } from "./dossier.ts";
import { mapHtmlUrls, relativeUrl, type RewriteOptions } from "./relative-links.ts";

/** `<link rel="canonical">` elements: they name the page's web address, in the copy too. */
const canonicalLink = /(<link\b[^>]*\srel="canonical"[^>]*>)/;

/**
 * An incident's self-contained dossier as the offline copy carries it. On the web, its links point
 * at the site (it is mailed and archived alone); in the copy, every link to a file the copy has
 * becomes relative, to the copy beside it, while links to files left out (the zip itself) stay on
 * the site, the canonical link keeps naming the page's web address, and forms go to the copy.
 */
export function offlineDossier(
  html: string,
  file: string,
  options: RewriteOptions & { origin: string },
): string {
  const origin = new URL(options.origin).origin;
  const toCopy = (url: string): string => {
    if (!URL.canParse(url)) return url;
    const parsed = new URL(url);
    if (parsed.origin !== origin || !parsed.pathname.startsWith(options.base)) return url;
    return relativeUrl(parsed.pathname + parsed.search + parsed.hash, file, options);
  };
  return html
    .split(canonicalLink)
    .map((part, index) => (index % 2 === 1 ? part : mapHtmlUrls(part, toCopy)))
    .join("")
    .replace(
      policyElement,
      `<meta http-equiv="content-security-policy" content="${dossierPolicy("'self'")}">`,
    );
}
