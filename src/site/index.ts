/**
 * The site module as pages and components use it: this build's settings, the site's data loaded
 * once, base-aware links, caches and render-time error handling.
 */
export { settings } from "./current.ts";
export { loadSite, dossierOf, dossierSummaryOf } from "./data.ts";
export { href, absoluteUrl, citationInput } from "./links.ts";
export { exportInput } from "./exports.ts";
export { cacheKeys, chartCache, writeUpCodeDigest } from "./caches.ts";
export { authorErrors } from "./render.ts";
export { withTimeLimit, writeUpCodeSeconds } from "./time-limit.ts";
