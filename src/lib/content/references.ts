import type { CasefileProblem } from "../errors.ts";
import { declaredLinks } from "../reliability/origins.ts";
import type { SiteData } from "./site-data.ts";
import { closestNames, didYouMean } from "./suggest.ts";
import { fieldPath } from "./validate.ts";

/**
 * Lists up to six known ids for a message, with an ellipsis past that. Given the id an author
 * wrote (`near`), the ids closest to it come first, so the likely one is never cut off.
 */
export function knownIds(ids: Iterable<string>, near?: string): string {
  const all = [...new Set(ids)].sort();
  const close = near === undefined ? [] : closestNames(near, all);
  const list = [...close, ...all.filter((id) => !close.includes(id))];
  const shown = Math.max(6, close.length);
  return list.length === 0
    ? "none"
    : list.slice(0, shown).join(", ") + (list.length > shown ? ", …" : "");
}

/** Where a value sits, for a problem: the file and, when known, the line. */
export type Locate = (file: string, path: readonly PropertyKey[]) => number | undefined;

/** Why a capture path listed in a sources file names no capture that is read, if it does not. */
export type CaptureCheck = (path: string) => { message: string; hint: string } | undefined;

/**
 * Checks every cross-reference: a source's outlet and the sources it depends on (republished_from,
 * based_on, translated_from), a stance's source, an event's sources, a capture path (through
 * `captureProblem`), and duplicate ids. Returns every problem found.
 */
export function checkReferences(
  site: SiteData,
  captureProblem: CaptureCheck,
  locate: Locate,
): CasefileProblem[] {
  const problems: CasefileProblem[] = [];
  const outletIds = new Set<string>();
  site.outlets.forEach((outlet, index) => {
    if (outletIds.has(outlet.id)) {
      problems.push({
        file: "data/outlets.yaml",
        line: locate("data/outlets.yaml", [index, "id"]),
        field: `[${index}].id`,
        message: `duplicate outlet id "${outlet.id}"`,
        hint: "each outlet needs its own id",
      });
    }
    outletIds.add(outlet.id);
  });

  for (const [incident, { file, sources, claims }] of site.sources) {
    const sourceIds = new Set<string>();
    const problem = (path: (string | number)[], field: string, message: string, hint: string) =>
      problems.push({ file, line: locate(file, path), field, message, hint });
    sources.forEach((source, index) => {
      if (sourceIds.has(source.id)) {
        problem(
          ["sources", index, "id"],
          `sources[${index}].id`,
          `duplicate source id "${source.id}"`,
          "each source needs its own id",
        );
      }
      sourceIds.add(source.id);
      if (!outletIds.has(source.outlet)) {
        problem(
          ["sources", index, "outlet"],
          `sources[${index}].outlet`,
          `unknown outlet "${source.outlet}" (known: ${knownIds(outletIds, source.outlet)})`,
          `${didYouMean(source.outlet, outletIds)}add the outlet to data/outlets.yaml or use one of its ids`,
        );
      }
      source.captures.forEach((capture, captureIndex) => {
        const unread = captureProblem(capture);
        if (unread) {
          problem(
            ["sources", index, "captures", captureIndex],
            `sources[${index}].captures[${captureIndex}]`,
            unread.message,
            unread.hint,
          );
        }
      });
    });
    sources.forEach((source, index) => {
      // The researchers' same and not-same articles name sources as the declared links do.
      const articleLinks = [
        ...source.same_as.map((link, k) => ({ path: ["same_as", k, "source"], to: link.source })),
        ...source.not_same_as.map((link, k) => ({
          path: ["not_same_as", k, "source"],
          to: link.source,
        })),
      ];
      for (const link of [...declaredLinks(source), ...articleLinks]) {
        if (sourceIds.has(link.to) && link.to !== source.id) continue;
        problem(
          ["sources", index, ...link.path],
          fieldPath(["sources", index, ...link.path]),
          `unknown source "${link.to}" (known: ${knownIds(
            [...sourceIds].filter((id) => id !== source.id),
            link.to,
          )})`,
          `${didYouMean(
            link.to,
            [...sourceIds].filter((id) => id !== source.id),
          )}name another source of this incident`,
        );
      }
    });
    const claimIds = new Set<string>();
    claims.forEach((claim, index) => {
      if (claimIds.has(claim.id)) {
        problem(
          ["claims", index, "id"],
          `claims[${index}].id`,
          `duplicate claim id "${claim.id}"`,
          "each claim needs its own id",
        );
      }
      claimIds.add(claim.id);
      for (const source of Object.keys(claim.stances)) {
        if (!sourceIds.has(source)) {
          problem(
            ["claims", index, "stances", source],
            `claims[${index}].stances.${source}`,
            `unknown source "${source}" (known: ${knownIds(sourceIds, source)})`,
            `${didYouMean(source, sourceIds)}stances name sources of this incident's sources.yaml`,
          );
        }
      }
    });
    const eventsFile = `data/incidents/${incident}/events.csv`;
    for (const event of site.events.get(incident) ?? []) {
      for (const source of event.sources) {
        if (!sourceIds.has(source)) {
          problems.push({
            file: eventsFile,
            line: event.line,
            field: "sources",
            message: `unknown source "${source}" (known: ${knownIds(sourceIds, source)})`,
            hint: `${didYouMean(source, sourceIds)}separate source ids with spaces; they come from sources.yaml`,
          });
        }
      }
    }
  }
  return problems;
}
