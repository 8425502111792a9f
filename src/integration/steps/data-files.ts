import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { incidentDataFiles } from "../../lib/content/data-files.ts";
import { loadIncidents, sitePaths } from "../../lib/content/load.ts";
import { insideFolder } from "../../lib/safe-path.ts";
import type { StepContext } from "./step.ts";

/**
 * Every incident's data files (chart data, sources.yaml…), published as they are at
 * `/incidents/<id>/data/<file>`, the address charts link to for download. A file copy instead of
 * an Astro route per file (five per incident) saves each build the route's rendering or restoring;
 * `astro dev` serves the same paths through src/integration/routes/data-file.ts.
 */
export function publishDataFiles({ settings, out }: StepContext): string {
  const root = settings.root;
  let copied = 0;
  for (const { id } of loadIncidents(root)) {
    const files = incidentDataFiles(root, id);
    if (files.length === 0) continue;
    const folder = join(out, "incidents", id, "data");
    mkdirSync(folder, { recursive: true });
    for (const file of files) {
      const where = { file: `${sitePaths.incidentData}/${id}/${file}` };
      copyFileSync(
        insideFolder(join(root, sitePaths.incidentData, id), file, "its incident's folder", where),
        insideFolder(folder, file, "the output folder", where),
      );
      copied++;
    }
  }
  return `${copied} data files published`;
}
