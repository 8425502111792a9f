/**
 * A full garbage collection between Astro's rendering and the steps after it. V8 grows its heap
 * while Astro renders and keeps the pages it freed until it needs room; the steps (exports,
 * dossiers, Pagefind in a process of its own) would otherwise start on top of that peak. The
 * collector is exposed at run time (`--expose-gc` as a V8 flag, the function taken from a fresh
 * context), since `astro build` is not started with the flag.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Runs a full collection and says how much heap is in use before and after, in MB. */
export function collectGarbage(): { before: number; after: number } | undefined {
  const before = process.memoryUsage().heapUsed;
  try {
    setFlagsFromString("--expose-gc");
    (runInNewContext("gc") as () => void)();
  } catch {
    return undefined;
  }
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return { before: mb(before), after: mb(process.memoryUsage().heapUsed) };
}
