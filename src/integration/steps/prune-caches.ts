/**
 * The last step of a build: the caches keep what this build used, plus a little of what earlier
 * builds used, and nothing else (rule in docs/performance.md, "Caches"). Without it every edit
 * left its charts, dossier copies and, for a capture edit, a whole processed archive behind.
 */
import { join } from "node:path";
import { pruneCache, type PruneSummary } from "../../lib/content/cache-prune.ts";
import type { StepContext } from "./step.ts";

/** Older entries each cache folder keeps besides those this build used. */
const olderBytes = 64 * 2 ** 20;

/** The cache folders pruned, with how much of what this build did not use each keeps. */
function cacheFolders({ settings, cache }: StepContext): [string, number][] {
  return [
    ...["charts", "dossiers", "exports", "service-worker", "write-ups"].map(
      (name): [string, number] => [join(cache.folder, name), olderBytes],
    ),
    // A processed archive is the size of the captures' text several times: only this build's.
    [join(settings.root, "node_modules/.cache/casefile"), 0],
  ];
}

/** Prunes the build's caches and says what went. */
export function pruneCaches(context: StepContext): string {
  const total: PruneSummary = { removed: 0, removedBytes: 0, kept: 0, keptBytes: 0 };
  for (const [folder, cap] of cacheFolders(context)) {
    const summary = pruneCache(folder, context.started, cap);
    for (const key of Object.keys(total) as (keyof PruneSummary)[]) total[key] += summary[key];
  }
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  return `caches: ${total.kept} entries kept (${mb(total.keptBytes)} MB), ${total.removed} unused removed (${mb(total.removedBytes)} MB)`;
}
