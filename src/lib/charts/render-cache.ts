/**
 * Rendered charts cached on disk: drawing a chart with Plot on a server DOM is the slowest part
 * of an incident page, and its SVG depends only on the chart's inputs and on the renderer. The
 * key is a digest of both, so a cached SVG is byte for byte the one the renderer would draw.
 */
import { readFileSync } from "node:fs";
import { findPackageJSON } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cachedText, diskCache, type DiskCache } from "../content/disk-cache.ts";
import { digest, sourceDigest } from "../digest.ts";

/** A disk cache of chart SVGs and the version of the renderer that drew them. */
export interface ChartCache {
  /** Where the SVGs are kept. */
  cache: DiskCache;
  /** `rendererVersion()` of the build. */
  renderer: string;
}

/** The chart cache of a build: SVGs under `<cacheRoot>/casefile/charts/`, for this renderer. */
export function buildChartCache(cacheRoot: string, renderer: string): ChartCache {
  return {
    cache: diskCache(join(cacheRoot, "casefile", "charts"), { extension: ".svg" }),
    renderer,
  };
}

/**
 * Draws a chart through the cache. `inputs` must hold everything the SVG depends on besides the
 * renderer (spec inputs, data, ids, accessible names); `render` runs only on a miss.
 */
export function renderCached(
  chartCache: ChartCache | undefined,
  inputs: unknown,
  render: () => string,
): string {
  if (!chartCache) return render();
  return cachedText(chartCache.cache, digest(chartCache.renderer, inputs), render);
}

/** Packages whose code draws, parses or formats charts. */
const rendererPackages = ["@observablehq/plot", "linkedom", "d3-dsv", "yaml"] as const;

/**
 * The version of the chart renderer: a digest of this folder's source files (render, specs of the
 * automatic charts, palette, sanitising…), the versions of the packages it draws with, and the
 * Node.js and ICU versions (number and date formats). `projectRoot` is the folder with `src/`
 * and `node_modules/`.
 */
export function rendererVersion(projectRoot: string): string {
  // The site charts colour incident types in the order the schema lists them.
  const code = sourceDigest(projectRoot, ["src/lib/charts", "src/schemas/incident.ts"]);
  const from = pathToFileURL(join(projectRoot, "package.json"));
  const packages = rendererPackages.map((name) => {
    // Not `require.resolve("<name>/package.json")`: Plot and d3 do not export their manifest.
    const manifest = findPackageJSON(name, from);
    const { version } = JSON.parse(manifest ? readFileSync(manifest, "utf8") : "{}") as {
      version?: string;
    };
    return [name, version ?? "unknown"];
  });
  return digest(code, packages, process.versions.node, process.versions.icu ?? null);
}
