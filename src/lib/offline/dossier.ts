import { isRootRelative } from "../urls/paths.ts";
import { mapCssUrls, mapHtmlUrls } from "./relative-links.ts";

/** What turning a built incident page into one self-contained file needs. */
export interface DossierOptions {
  /** The text of a style sheet by its site path (`/casefile/_astro/Base.x.css`), if built. */
  stylesheet: (path: string) => string | undefined;
  /** The SVG favicon's markup, inlined as a data URL. */
  favicon?: string | undefined;
  /** The site's origin (`https://example.org`): internal links point there. */
  origin: string;
}

/**
 * The dossier's Content-Security-Policy. The site's policy allows only its own files and hashed
 * scripts; the dossier has no scripts, one inline style sheet and a data-URL icon, and its forms go
 * to `formAction` (the site, or the copy beside it in the offline zip).
 */
export function dossierPolicy(formAction: string): string {
  return `default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action ${formAction}`;
}

/** The page's Content-Security-Policy `<meta>`, to be replaced by the dossier's. */
export const policyElement = /<meta http-equiv="content-security-policy"[^>]*>/i;

/** `<link>` elements with their `rel` and `href` captured, in Astro's attribute order or any other. */
const linkElement = /<link\b(?=[^>]*\srel="([^"]*)")(?=[^>]*\shref="([^"]*)")[^>]*>/g;

/**
 * One incident page as a single file that opens anywhere: style sheets inlined, the favicon as a
 * data URL, scripts and other loaded `<link>`s removed (the charts are inline SVG already), and
 * every internal link absolute on the site, so that the file can be mailed or archived alone.
 */
export function selfContainedPage(html: string, options: DossierOptions): string {
  const absolute = (url: string) => (isRootRelative(url) ? new URL(url, options.origin).href : url);
  const inlined = html
    .replace(/<script\b(?![^>]*type="application\/ld\+json")[^>]*>[\s\S]*?<\/script>\s*/g, "")
    .replace(linkElement, (element: string, rel: string, href: string) => {
      const rels = rel.split(/\s+/);
      if (rels.includes("stylesheet")) {
        const css = options.stylesheet(href);
        return css === undefined
          ? ""
          : `<style>${mapCssUrls(css, absolute).replace(/<\/style/gi, "<\\/style")}</style>`;
      }
      if (rels.includes("icon") && options.favicon !== undefined) {
        return `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,${encodeURIComponent(options.favicon)}">`;
      }
      return rels.includes("canonical") ? element : "";
    });
  return mapHtmlUrls(inlined, absolute).replace(
    policyElement,
    `<meta http-equiv="content-security-policy" content="${dossierPolicy(options.origin)}">`,
  );
}
