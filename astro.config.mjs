// @ts-check
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { unified } from "@astrojs/markdown-remark";
import { defineConfig } from "astro/config";
import { fileURLToPath } from "node:url";
import remarkGfm from "remark-gfm";
import { dataFiles } from "./src/integrations/data-files.ts";
import { urlLock } from "./src/integrations/url-lock.ts";
import { rehypeBasePaths } from "./src/lib/urls/rehype-base.ts";
import { rendererVersion } from "./src/lib/charts/render-cache.ts";
import { cacheRoot, outputRoot, siteAddress } from "./src/site-root.ts";

// GitHub Pages sets SITE_URL and BASE_PATH in .github/workflows/pages.yml; locally the site lives
// at the root. scripts/build.ts reads the same settings for the steps after the build.
const { url: site, base } = siteAddress();

export default defineConfig({
  site,
  base,
  trailingSlash: "always",
  build: { format: "directory" },
  outDir: outputRoot(),
  // Benchmarks and tests give each build its own data store, Vite cache, incremental-build pages
  // and rendered charts (src/site-root.ts `cacheRoot` names the same folder).
  cacheDir: cacheRoot(),
  // Pages whose cacheKey (src/lib/content/cache-keys.ts) and code are unchanged since the last
  // build are copied from the cache folder instead of rendered. Astro's docs for this flag: never
  // set build.concurrency above 1 with it.
  experimental: { incrementalBuild: true },
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.endsWith("/404/") }),
    // Copies the data files into the output before the URL lock lists it. Dossiers, the search
    // index, the offline zip and the service worker come after Astro exits (scripts/build.ts).
    dataFiles(),
    urlLock(),
  ],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm],
      rehypePlugins: [[rehypeBasePaths, { base }]],
    }),
  },
  devToolbar: { enabled: false },
  // Content-Security-Policy meta on every page: only this site's own files; Astro hashes its
  // inline scripts and styles, so no inline script can run (see docs/errors.md, tests/e2e/csp.test.ts).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // WebAssembly (the search index) may compile; no eval, no inline scripts beyond Astro's hashed ones.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      // style="" attributes (table alignment from Markdown, chart legends) are not scripts.
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: "attribute" }] },
    },
  },
  vite: {
    build: {
      rollupOptions: {
        // Every MDX module carries Astro's own "use astro:head-inject" directive, and the bundler
        // warns about each one: a thousand incidents would print ten thousand lines of noise.
        onwarn(warning, warn) {
          if (
            warning.code === "MODULE_LEVEL_DIRECTIVE" &&
            /astro:head-inject/.test(warning.message)
          )
            return;
          warn(warning);
        },
      },
    },
    // The chart renderer's version keys the rendered-chart cache (src/build-cache.ts).
    define: {
      __CASEFILE_CHART_RENDERER__: JSON.stringify(
        rendererVersion(fileURLToPath(new URL(".", import.meta.url))),
      ),
    },
    // Write-ups may live outside the project (CASEFILE_SITE): their imports resolve here.
    resolve: {
      alias: [
        {
          find: /^@observablehq\/plot$/,
          replacement: fileURLToPath(new URL("./node_modules/@observablehq/plot", import.meta.url)),
        },
      ],
    },
  },
});
