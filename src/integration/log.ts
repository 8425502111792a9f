/**
 * Casefile's log destination for Astro (`logger.entrypoint`): Astro's own node destination, with
 * two differences. While the content check runs beside the build its output is held, so that a
 * failed check prints only its problems; and when a page reports author problems (recorded as
 * data by src/site/render.ts), Astro's error report of them is replaced by the problems, one
 * paragraph each, and the build stops. Nothing is parsed out of log text.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from "astro";
import nodeDestination from "astro/logger/node";
import { hasProblems, takeProblems } from "../site/problems.ts";
import { stopBuild } from "./stop.ts";

/** What the integration tells the destination. */
interface LogState {
  /** Messages held while the check runs, or undefined when passing straight through. */
  held: AstroLoggerMessage[] | undefined;
  /** The site folder, for locating chart problems; set by the integration. */
  root: string;
  /** Astro's full output (`DEBUG=casefile`). */
  debug: boolean;
  /** A dev server reports problems and goes on; a build stops. */
  command: string;
  /** The destination Astro loaded. */
  inner: AstroLoggerDestination | undefined;
}

/**
 * Astro loads astro.config.mjs (and so the integration's copy of this module) through Vite, and
 * this destination through Node: one state on `globalThis` for both copies.
 */
const slot = Symbol.for("casefile.log");
const state: LogState = ((globalThis as Record<symbol, LogState | undefined>)[slot] ??= {
  held: undefined,
  root: ".",
  debug: false,
  command: "build",
  inner: undefined,
});

/** Configures the destination for this run. */
export function configureLog(settings: { root: string; debug: boolean; command: string }): void {
  state.root = settings.root;
  state.debug = settings.debug;
  state.command = settings.command;
}

/** Holds Astro's output until `releaseLog` (the check is running). */
export function holdLog(): void {
  state.held ??= [];
}

/** Prints what was held (the check passed) or drops it (it failed), and passes output through. */
export function releaseLog(print: boolean): void {
  const held = state.held ?? [];
  state.held = undefined;
  if (print) for (const message of held) state.inner?.write(message);
}

/**
 * Astro's warning for an empty content collection: a site just started has no incident, outlet,
 * source or event yet, which is not a mistake (the content check reports what is missing).
 */
function isEmptyCollectionWarning(message: AstroLoggerMessage): boolean {
  return (
    message.level === "warn" &&
    message.label === "content" &&
    /^The collection "\w+" does not exist or is empty\./.test(message.message)
  );
}

/** The destination Astro loads. */
export default function casefileLog(config?: Record<string, unknown>): AstroLoggerDestination {
  const inner = nodeDestination(config);
  state.inner = inner;
  return {
    write(message) {
      if (message.level === "error" && hasProblems() && !state.debug) {
        const problems = takeProblems();
        if (state.command === "build") stopBuild(problems, state.root);
        return;
      }
      if (isEmptyCollectionWarning(message) && !state.debug) return;
      if (state.held) state.held.push(message);
      else inner.write(message);
    },
  };
}
