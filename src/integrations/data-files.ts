import type { AstroIntegration } from "astro";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { incidentDataFiles } from "../lib/content/data-files.ts";
import { loadIncidents, sitePaths } from "../lib/content/load.ts";
import { siteRoot } from "../site-root.ts";

/**
 * Every incident's data files (chart data, sources.yaml…), published as they are at
 * `/incidents/<id>/data/<file>`, the address charts link to for download. A build copies them
 * once the pages are written: a file copy instead of an Astro route per file (five per incident)
 * saves each build the route's rendering or restoring. `astro dev` serves the same paths through
 * src/routes/data-file.ts. Must come before the integrations that list the built files (URL lock,
 * offline copies).
 */
export function dataFiles(): AstroIntegration {
  return {
    name: "casefile-data-files",
    hooks: {
      "astro:config:setup": ({ command, injectRoute }) => {
        if (command === "dev")
          injectRoute({
            pattern: "/incidents/[id]/data/[file]",
            entrypoint: new URL("../routes/data-file.ts", import.meta.url),
          });
      },
      "astro:build:done": ({ dir, logger }) => {
        const root = siteRoot();
        const out = fileURLToPath(dir);
        let copied = 0;
        for (const { id } of loadIncidents(root)) {
          const files = incidentDataFiles(root, id);
          if (files.length === 0) continue;
          const folder = join(out, "incidents", id, "data");
          mkdirSync(folder, { recursive: true });
          for (const file of files) {
            copyFileSync(join(root, sitePaths.incidentData, id, file), join(folder, file));
            copied++;
          }
        }
        logger.info(`${copied} data files published`);
      },
    },
  };
}
