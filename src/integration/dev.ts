import { join, relative, resolve } from "node:path";
import type { ViteDevServer } from "vite";
import { sitePaths } from "../lib/content/load.ts";
import { onSettledChange } from "../site/settled.ts";
import type { SiteSettings } from "../site/settings.ts";

/**
 * The dev server reloads open pages when an incident's data file changes. Write-ups, sources,
 * events, outlets and captures reach the pages through the content loaders, which reload on
 * their own (src/site/loaders/); chart data files are read while a page renders, so only the
 * browser needs telling.
 */
export function reloadOnDataFiles(server: ViteDevServer, settings: SiteSettings): void {
  const folder = join(settings.root, sitePaths.incidentData);
  server.watcher.add(folder);
  onSettledChange(
    server.watcher,
    (path) => {
      const file = relative(folder, resolve(path));
      return !file.startsWith("..") && !/(^|\/)(sources\.yaml|events\.csv)$/.test(file);
    },
    () => server.ws.send({ type: "full-reload" }),
  );
}
