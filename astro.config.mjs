// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { defineConfig } from "astro/config";
import { casefile } from "./src/integration/index.ts";

// Where the site is published comes from SITE_URL and BASE_PATH (set by the Pages workflow); the
// site's name and publisher may be given here (see src/site/settings.ts).
export default defineConfig({
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith("/404/") }), casefile()],
});
