/**
 * Author problems found while Astro renders, kept as data until they are reported. Page code runs
 * in Vite's module graph and the integration in Node's, two copies of every module in one process:
 * the problems live in one slot on `globalThis` that both copies share.
 */
import type { CasefileProblem } from "../lib/errors.ts";
import { append } from "../lib/arrays.ts";

/** The process-wide slot. */
const slot = Symbol.for("casefile.problems");

/** The problems recorded so far in this process. */
function recorded(): CasefileProblem[] {
  const global = globalThis as Record<symbol, CasefileProblem[] | undefined>;
  return (global[slot] ??= []);
}

/** Records problems found while rendering, for the integration to report. */
export function recordProblems(problems: readonly CasefileProblem[]): void {
  append(recorded(), problems);
}

/** Takes the recorded problems, leaving none. */
export function takeProblems(): CasefileProblem[] {
  return recorded().splice(0);
}

/** True when problems are waiting to be reported. */
export function hasProblems(): boolean {
  return recorded().length > 0;
}

/** The slot of the content's problems as last loaded, by loader, shared like the render problems. */
const contentSlot = Symbol.for("casefile.content-problems");

/** The content's problems by loader. */
function byLoader(): Map<string, readonly CasefileProblem[]> {
  const global = globalThis as Record<symbol, Map<string, readonly CasefileProblem[]> | undefined>;
  return (global[contentSlot] ??= new Map<string, readonly CasefileProblem[]>());
}

/** Replaces the problems one loader found in the content (none once it loads again). */
export function setContentProblems(loader: string, problems: readonly CasefileProblem[]): void {
  byLoader().set(loader, problems);
}

/** The problems of the content as last loaded. */
export function contentProblems(): CasefileProblem[] {
  return [...byLoader().values()].flat();
}
