import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ArchiveDecisions, DecisionOrigin } from "../archive/decisions.ts";
import { sourcesFileSchema } from "../../schemas/sources.ts";
import { sitePaths } from "./load.ts";
import { fieldPath } from "./validate.ts";
import { parseYamlFile } from "./yaml-file.ts";

/**
 * The researchers' decisions written in every incident's sources.yaml (`captures` entries with
 * `select`, `keep` or `hide`; `same_as` and `not_same_as`), for the archive engine, each with
 * where it was written. A sources file that does not read or validate gives none: the content
 * check reports it.
 */
export function readCaptureDecisions(root: string): ArchiveDecisions {
  const decisions: ArchiveDecisions = { captures: [], pairs: [] };
  const folder = join(root, sitePaths.incidentData);
  if (!existsSync(folder)) return decisions;
  for (const id of readdirSync(folder).sort()) {
    const file = `${sitePaths.incidentData}/${id}/sources.yaml`;
    const path = join(root, file);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    let yaml;
    try {
      yaml = parseYamlFile(readFileSync(path, "utf8"), file);
    } catch {
      continue;
    }
    const parsed = sourcesFileSchema.safeParse(yaml.data ?? {});
    if (!parsed.success) continue;
    const at = (source: string, ...path: PropertyKey[]): DecisionOrigin => ({
      file,
      line: yaml.lineOf(path),
      field: fieldPath(path),
      source,
    });
    const label = (capture: string) => `${sitePaths.archives}/${capture}`;
    const sources = parsed.data.sources;
    sources.forEach((source, s) => {
      for (const decision of source.decisions) {
        const base = ["sources", s, "captures", decision.index];
        const select = decision.select && {
          ...decision.select,
          origin: at(source.id, ...base, "select"),
        };
        decisions.captures.push({
          file: label(decision.file),
          select,
          keep: decision.keep.map((keep, k) => ({
            ...keep,
            origin: at(source.id, ...base, "keep", k),
          })),
          hide: decision.hide.map((hide, k) => ({
            ...hide,
            origin: at(source.id, ...base, "hide", k),
          })),
        });
      }
      for (const [field, same] of [
        ["same_as", true],
        ["not_same_as", false],
      ] as const) {
        source[field].forEach((link, k) => {
          const other = sources.find((candidate) => candidate.id === link.source);
          if (!other || other === source) return;
          decisions.pairs.push({
            first: source.captures.map(label),
            second: other.captures.map(label),
            same,
            reason: link.reason,
            origin: at(source.id, "sources", s, field, k),
            other: other.id,
          });
        });
      }
    });
  }
  return decisions;
}
