/**
 * The content check at the start of a build, in a process of its own beside Astro: on two cores
 * the check (captures, reliability lints, the automatic charts it draws into the cache) runs while
 * Astro starts and bundles, and the memory it takes is given back when it exits. Its problems go
 * straight to stderr, one paragraph each; the integration stops the build if it fails.
 */
import { spawn } from "node:child_process";
import { setPriority } from "node:os";
import { join } from "node:path";
import { formatProblem } from "../lib/errors.ts";
import type { SiteSettings } from "../site/settings.ts";

/** Starts `scripts/check.ts` for this build; resolves to its exit code. */
export function startCheck(settings: SiteSettings): Promise<number> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", join(settings.project, "scripts/check.ts"), "--warm-charts"],
    {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, ...(settings.strict ? { CASEFILE_STRICT: "1" } : {}) },
    },
  );
  // Astro's bundling and rendering come first; the check takes what is left of the second core.
  try {
    if (child.pid !== undefined) setPriority(child.pid, 10);
  } catch {
    // Not allowed here: both run at the same priority.
  }
  // A check that cannot start, or is killed (out of memory), would stop the build without a word.
  let reported = false;
  const failed = (message: string) => {
    const problem = { file: "scripts/check.ts", message, hint: stoppedHint };
    if (!reported) process.stderr.write(`error: ${formatProblem(problem)}\n`);
    reported = true;
    return 1;
  };
  return new Promise((resolve) => {
    child.on("error", (error) => {
      resolve(failed(`the content check could not start (${error.message})`));
    });
    child.on("close", (code, signal) => {
      resolve(
        code ??
          failed(`the content check stopped before it finished (${signal ?? "no exit code"})`),
      );
    });
  });
}

const stoppedHint =
  "run npm run check on its own to see its problems; if it stops there too, it is a bug in Casefile or too little memory";
