import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { extractCapture } from "../../lib/archive/formats/index.ts";
import { captureFiles, captureSource } from "../../lib/content/capture-files.ts";
import { loadSiteData, sitePaths } from "../../lib/content/load.ts";
import { insideFolder } from "../../lib/safe-path.ts";
import type { StepContext } from "./step.ts";

/**
 * Every incident's capture files (src/lib/content/capture-files.ts): the extracted text of each
 * capture at `/incidents/<id>/captures/text/<capture>.txt`, and, when the site publishes them,
 * the original at `/incidents/<id>/captures/original/<capture>`. The processing report links to
 * them. A capture named by several incidents is read once.
 */
export function publishCaptureFiles({ settings, out }: StepContext): string {
  const root = settings.root;
  const texts = new Map<string, string>();
  let written = 0;
  let originals = 0;
  for (const [id, { file, sources }] of loadSiteData(root).sources) {
    const captures = sources.flatMap((source) => source.captures);
    const folder = join(out, "incidents", id);
    for (const entry of captureFiles(root, captures, settings.publishOriginals, file)) {
      const where = { file: `${sitePaths.archives}/${entry.capture}` };
      const path = captureSource(root, entry.capture, file);
      let text = texts.get(entry.capture);
      if (text === undefined) {
        const bytes = new Uint8Array(readFileSync(path));
        text = extractCapture({ file: where.file, bytes }).text;
        texts.set(entry.capture, text);
      }
      const target = insideFolder(folder, entry.text, "the output folder", where);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
      written++;
      if (entry.original) {
        const copy = insideFolder(folder, entry.original.file, "the output folder", where);
        mkdirSync(dirname(copy), { recursive: true });
        writeFileSync(copy, readFileSync(path));
        originals++;
      }
    }
  }
  return `${written} capture texts published${settings.publishOriginals ? `, ${originals} original captures` : ""}`;
}
