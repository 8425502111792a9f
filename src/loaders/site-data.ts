import type { Loader } from "astro/loaders";
import { loadSiteData } from "../lib/content/load.ts";
import type { SiteData } from "../lib/content/site-data.ts";
import { siteRoot } from "../site-root.ts";

let cached: { root: string; site: SiteData } | undefined;

/** Loads the site's data once per sync and shares it between the collections that need it. */
function siteData(root: string): SiteData {
  if (cached?.root !== root) cached = { root, site: loadSiteData(root) };
  return cached.site;
}

/** Which entries a collection takes from the site data, each as `[id, data]`. */
const selections = {
  outlets: (site) => site.outlets.map((outlet) => [outlet.id, outlet]),
  sources: (site) => [...site.sources].map(([id, file]) => [id, file]),
  events: (site) =>
    site.incidents.map((incident) => [incident.id, { events: site.events.get(incident.id) ?? [] }]),
} satisfies Record<string, (site: SiteData) => [string, object][]>;

/**
 * A content loader over the validated site data (src/lib/content): outlets, sources and claims per
 * incident, or events per incident. Validation and cross-references happen there, once.
 */
export function siteDataLoader(kind: keyof typeof selections): Loader {
  return {
    name: `casefile-${kind}`,
    load: async ({ store, generateDigest }) => {
      const site = siteData(siteRoot());
      store.clear();
      for (const [id, data] of selections[kind](site)) {
        const plain = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        store.set({ id, data: plain, digest: generateDigest(plain) });
      }
    },
  };
}
