import { resolve } from "node:path";
import { normaliseBase } from "./lib/urls/paths.ts";

/**
 * The folder that holds the researchers' `content/` and `data/`: the project itself unless
 * `CASEFILE_SITE` names another (the tests and benchmarks build fixture sites this way).
 */
export function siteRoot(): string {
  return resolve(process.env["CASEFILE_SITE"] || ".");
}

/**
 * Astro's cache folder (`cacheDir` in astro.config.mjs, moved by `CASEFILE_CACHE_DIR`): the data
 * store, the incremental build's pages and Casefile's rendered charts live there, so a build in
 * its own cache folder shares nothing with another.
 */
export function cacheRoot(): string {
  return resolve(process.env["CASEFILE_CACHE_DIR"] || "./node_modules/.astro");
}

/** The output folder (`outDir` in astro.config.mjs, moved by `CASEFILE_OUT_DIR`). */
export function outputRoot(): string {
  return resolve(process.env["CASEFILE_OUT_DIR"] || "./dist");
}

/**
 * The site's URL (`SITE_URL`, set by the Pages workflow; locally the dev server's) and base path
 * (`BASE_PATH`, `/` or `/name/`), as astro.config.mjs gives them to Astro.
 */
export function siteAddress(): { url: string; base: string } {
  return {
    url: process.env["SITE_URL"] || "http://localhost:4321",
    base: normaliseBase(process.env["BASE_PATH"]),
  };
}
