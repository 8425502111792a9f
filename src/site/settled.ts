import type { FSWatcher } from "vite";

/**
 * How long the dev server waits after the last change to an input before reading it. Vite's
 * watcher reports a write as soon as the file is truncated, and drops a second change to the
 * same file within 50 ms (chokidar's throttle): reading at once can see an empty file, and the
 * write that filled it may never be reported. Reading once the file has been quiet this long sees
 * what the author saved.
 */
const quiet = 120;

/**
 * Calls `refresh` once the files that `matches` have stopped changing, in the dev server; does
 * nothing in a build (no watcher).
 */
export function onSettledChange(
  watcher: FSWatcher | undefined,
  matches: (path: string) => boolean,
  refresh: () => void,
): void {
  if (!watcher) return;
  let timer: NodeJS.Timeout | undefined;
  for (const event of ["change", "add", "unlink"] as const)
    watcher.on(event, (path: string) => {
      if (!matches(path)) return;
      clearTimeout(timer);
      timer = setTimeout(refresh, quiet);
    });
}
