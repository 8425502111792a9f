// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import { fileURLToPath } from "node:url";
import remarkGfm from "remark-gfm";
import { urlLock } from "./src/integrations/url-lock.ts";
import { normaliseBase } from "./src/lib/urls/paths.ts";
import { rehypeBasePaths } from "./src/lib/urls/rehype-base.ts";

// GitHub Pages sets these in .github/workflows/pages.yml; locally the site lives at the root.
const site = process.env.SITE_URL || "http://localhost:4321";
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  build: { format: "directory" },
  outDir: process.env.CASEFILE_OUT_DIR || "./dist",
  integrations: [mdx(), sitemap({ filter: (page) => !page.endsWith("/404/") }), urlLock()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeBasePaths, { base }]],
    }),
  },
  devToolbar: { enabled: false },
  vite: {
    // Write-ups may live outside the project (CASEFILE_SITE): their imports resolve here.
    resolve: { alias: [{ find: /^@observablehq\/plot$/, replacement: fileURLToPath(new URL("./node_modules/@observablehq/plot", import.meta.url)) }] },
  },
});
