import { resolve } from "node:path";

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
