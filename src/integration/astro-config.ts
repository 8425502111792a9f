import { unified } from "@astrojs/markdown-remark";
import type { AstroIntegration } from "astro";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import remarkGfm from "remark-gfm";
import { rehypeBasePaths } from "../lib/urls/rehype-base.ts";
import type { SiteSettings } from "../site/settings.ts";

/** The part of a bundler log message the filter reads. */
interface BundlerLog {
  /** The warning's kind, e.g. `MODULE_LEVEL_DIRECTIVE`. */
  code?: string;
  /** The text the bundler would print. */
  message: string;
}

/** A folder as the file URL Astro keeps in its resolved configuration (with a final slash). */
const folderUrl = (folder: string) => pathToFileURL(`${folder}/`);

/** What an integration may give `updateConfig`: Astro's resolved configuration, in part. */
export type ConfigUpdate = Parameters<
  Parameters<NonNullable<AstroIntegration["hooks"]["astro:config:setup"]>>[0]["updateConfig"]
>[0];

/**
 * The Astro configuration a Casefile site needs, from its settings: where it lives and builds, the
 * Markdown processor, the Content-Security-Policy and what Vite needs to know.
 */
export function astroConfig(settings: SiteSettings): ConfigUpdate {
  return {
    site: settings.url,
    base: settings.base,
    trailingSlash: "always",
    build: { format: "directory" },
    // Folders as URLs: the configuration an integration updates is not resolved again.
    outDir: folderUrl(settings.outDir),
    // Benchmarks and tests give each build its own data store, Vite cache, incremental-build pages
    // and rendered charts.
    cacheDir: folderUrl(settings.cacheDir),
    // Pages whose cacheKey (src/lib/content/cache-keys.ts) and code are unchanged since the last
    // build are copied from the cache folder instead of rendered. Astro's docs for this flag: never
    // set build.concurrency above 1 with it.
    experimental: { incrementalBuild: true },
    markdown: {
      processor: unified({
        remarkPlugins: [remarkGfm],
        rehypePlugins: [[rehypeBasePaths, { base: settings.base }]],
      }),
    },
    devToolbar: { enabled: false },
    // Content-Security-Policy meta on every page: only this site's own files; Astro hashes its
    // inline scripts and styles, so no inline script can run (docs/errors.md, tests/e2e/csp.test.ts).
    security: {
      csp: {
        // Astro's default, spelt out: a configuration updated by an integration gets no defaults.
        algorithm: "SHA-256",
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
        styleDirective: {
          resources: ["'self'", { resource: "'unsafe-inline'", kind: "attribute" }],
        },
      },
    },
    vite: {
      build: {
        rolldownOptions: {
          // Every MDX module carries Astro's own "use astro:head-inject" directive, and the bundler
          // warns about each one: a thousand incidents would print ten thousand lines of noise.
          onLog(level: string, log: BundlerLog, handler: (level: string, log: BundlerLog) => void) {
            if (log.code === "MODULE_LEVEL_DIRECTIVE" && log.message.includes("astro:head-inject"))
              return;
            handler(level, log);
          },
        },
      },
      // Write-ups may live outside the project (CASEFILE_SITE): their imports resolve here.
      resolve: {
        alias: [
          {
            find: /^@observablehq\/plot$/,
            replacement: join(settings.project, "node_modules/@observablehq/plot"),
          },
        ],
      },
    },
  };
}
