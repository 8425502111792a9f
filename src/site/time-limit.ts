/**
 * A time limit for code a write-up runs while its page renders (a chart's `plot` function). Such
 * code runs on the thread that renders, so nothing on that thread can stop a `while (true) {}`:
 * a watchdog on a thread of its own is told when the code starts and ends, and if it runs past the
 * limit the watchdog prints the problem as one paragraph, straight to stderr, and ends the process.
 */
import { Worker } from "node:worker_threads";
import { formatProblem, type CasefileProblem } from "../lib/errors.ts";

/** Seconds a write-up's code may run before the build stops: a plot spec takes milliseconds. */
export const writeUpCodeSeconds = 20;

/** The watchdog's code (evaluated, so that no bundler has to find a file for it). */
const watchdogCode = `
const { parentPort } = require("node:worker_threads");
const { writeSync } = require("node:fs");
const timers = new Map();
parentPort.on("message", ({ id, paragraph, milliseconds }) => {
  if (paragraph === undefined) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    return;
  }
  timers.set(id, setTimeout(() => {
    writeSync(2, "error: " + paragraph + "\\n");
    process.kill(process.pid, "SIGKILL");
  }, milliseconds));
});
`;

let watchdog: Worker | undefined;
let next = 0;

/** The watchdog thread, started on first use; it never keeps the process alive by itself. */
function watchdogThread(): Worker {
  if (!watchdog) {
    watchdog = new Worker(watchdogCode, { eval: true });
    watchdog.unref();
  }
  return watchdog;
}

/**
 * Runs `code` (synchronous) under the time limit. Past `seconds`, the process ends with exit code
 * 137 after printing `problem` (where the code is written, and a hint) as one paragraph.
 */
export function withTimeLimit<T>(
  problem: CasefileProblem,
  code: () => T,
  seconds = writeUpCodeSeconds,
): T {
  const thread = watchdogThread();
  const id = next++;
  thread.postMessage({ id, paragraph: formatProblem(problem), milliseconds: seconds * 1000 });
  try {
    return code();
  } finally {
    thread.postMessage({ id });
  }
}
