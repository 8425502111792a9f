import type { SiteSettings } from "../../site/settings.ts";
import type { CachedZipSummary } from "../../lib/offline/zip-cache.ts";
import type { BuiltSite, OfflineCache } from "./offline-bundle.ts";

/** What every after-build step is given: the settings, the built site and the steps' cache. */
export interface StepContext {
  /** This build's settings. */
  settings: SiteSettings;
  /** The output folder. */
  out: string;
  /** The built site, as the offline steps see it. */
  site: BuiltSite;
  /** Where steps keep what they made, so that the next build reuses what did not change. */
  cache: OfflineCache;
  /** When the build started (ms since the epoch): cache entries used since are this build's. */
  started: number;
  /** What the zip step learnt of every file's bytes (the service worker reuses the digests). */
  zip?: CachedZipSummary;
}

/** One named step after the pages are written. */
export interface BuildStep {
  /** Its name, in the log. */
  name: string;
  /** Steps that must have finished before it starts (the others run beside it). */
  needs: readonly string[];
  /** Does the work; returns one line for the log. */
  run: (context: StepContext) => string | Promise<string>;
}

/**
 * Runs steps as soon as the steps they need have finished, each once; `log` hears each step's
 * line with the seconds since the first started. The first failure is thrown once all that
 * started have settled.
 */
export async function runSteps(
  steps: readonly BuildStep[],
  context: StepContext,
  log: (line: string) => void,
): Promise<void> {
  const start = performance.now();
  const started = new Map<string, Promise<void>>();
  const byName = new Map(steps.map((step) => [step.name, step]));
  const begin = (step: BuildStep): Promise<void> => {
    let running = started.get(step.name);
    if (!running) {
      running = Promise.all(
        step.needs.map((name) => {
          const needed = byName.get(name);
          if (!needed) throw new Error(`step "${step.name}" needs an unknown step "${name}"`);
          return begin(needed);
        }),
      )
        .then(() => step.run(context))
        .then((line) => log(`${line} (${((performance.now() - start) / 1000).toFixed(1)} s)`));
      started.set(step.name, running);
    }
    return running;
  };
  const results = await Promise.allSettled(steps.map(begin));
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
