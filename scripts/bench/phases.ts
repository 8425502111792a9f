/**
 * Where a build's time went, read from its log: the check (beside Astro), Astro's start and content
 * sync, bundling, page rendering, and the steps after Astro (search index, dossiers and zip,
 * service worker). Seconds; a phase the log does not show is absent.
 */
export interface BuildPhases {
  /** `npm run check` (runs beside Astro). */
  check?: number;
  /** Astro's start, content sync and types, until bundling starts. */
  start?: number;
  /** Vite/Rolldown bundling. */
  bundle?: number;
  /** Generating (or restoring) the pages. */
  render?: number;
  /** The search index (after Astro exits). */
  search?: number;
  /** The dossiers (in the offline worker, beside the search index). */
  dossiers?: number;
  /** The offline zip (after the dossiers). */
  zip?: number;
  /** All the steps after Astro, service worker included. */
  afterAstro?: number;
}

/** Seconds of an Astro duration: `22.46s`, `1m 29s`, `512ms`. */
function seconds(text: string): number {
  const minutes = /(\d+)m\b/.exec(text);
  const secs = /([\d.]+)s\b/.exec(text.replace(/\d+m\b/, ""));
  const millis = /([\d.]+)ms\b/.exec(text);
  return (
    (minutes ? Number(minutes[1]) * 60 : 0) +
    (secs && !millis ? Number(secs[1]) : 0) +
    (millis ? Number(millis[1]) / 1000 : 0)
  );
}

/** The phases of one build from its (colourless) output. */
export function buildPhases(log: string): BuildPhases {
  const phases: BuildPhases = {};
  const check = /casefile check: .*\((\d+) ms\)/.exec(log);
  if (check) phases.check = Number(check[1]) / 1000;
  const start =
    /\[build\] ✓ Completed in ([^.\n]+\.?\d*m?s)\.\n[^\n]*\[build\] Building static entrypoints/.exec(
      log,
    );
  if (start?.[1]) phases.start = seconds(start[1]);
  const bundle = /\[vite\] ✓ built in ([\d.]+m?s)/.exec(log);
  if (bundle?.[1]) phases.bundle = seconds(bundle[1]);
  const render =
    /generating static routes[\s\S]*?\n\S* ?\d\d:\d\d:\d\d ✓ Completed in ([^\n]+?)\.\n/.exec(log);
  if (render?.[1]) phases.render = seconds(render[1]);
  const search = /search index: [^\n]*\(([\d.]+) s\)/.exec(log);
  if (search) phases.search = Number(search[1]);
  // Each after-build step logs the seconds since the first step started.
  const dossiers = /incident dossiers \(([\d.]+) s\)/.exec(log);
  const zip = /casefile-offline\.zip: [^\n]*\(([\d.]+) s\)/.exec(log);
  if (dossiers) phases.dossiers = Number(dossiers[1]);
  if (zip) phases.zip = Number(zip[1]) - (dossiers ? Number(dossiers[1]) : 0);
  const worker = /service worker: [^\n]*\(([\d.]+) s\)/.exec(log);
  if (worker) phases.afterAstro = Number(worker[1]);
  return phases;
}
