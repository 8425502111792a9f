// @ts-check
import mdx from "@astrojs/mdx";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import remarkGfm from "remark-gfm";
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
  integrations: [mdx()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeBasePaths, { base }]],
    }),
  },
  devToolbar: { enabled: false },
});
