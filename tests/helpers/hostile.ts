import { buildSite, type BuildRun } from "./build-site.ts";
import { copySite } from "./site-copy.ts";

/** The fixture site whose every author-written string carries an XSS payload. */
const hostileSite = new URL("../fixtures/sites/hostile/", import.meta.url).pathname;

/** The URL the payloads try to reach; nothing may ever request it. */
export const baitOrigin = "http://127.0.0.1:9";

/** Builds a copy of the hostile site, after `edit` if given. */
export function buildHostile(edit?: (site: string) => void): BuildRun {
  const site = copySite(hostileSite);
  edit?.(site);
  return buildSite({ site });
}
