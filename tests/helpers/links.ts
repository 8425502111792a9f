import { checkLinks, type BrokenLink } from "../../src/lib/urls/link-check.ts";
import { listFiles, readPages } from "./build-site.ts";

/**
 * Every internal link and fragment of a built folder that does not resolve, for a site served
 * under `base`. Reusable for any built tree: dist/, a fixture build, an unpacked offline bundle.
 */
export function brokenLinks(
  folder: string,
  base: string,
): { pages: number; links: number; broken: BrokenLink[] } {
  const pages = readPages(folder);
  const links = [...pages.values()].reduce(
    (sum, html) => sum + (html.match(/\s(?:href|src)="(?:\/|\.|#)[^"]*"/g)?.length ?? 0),
    0,
  );
  return { pages: pages.size, links, broken: checkLinks(pages, new Set(listFiles(folder)), base) };
}
