/**
 * `npm run lock`: builds the site and adds every new published URL to `urls.lock`. Commit the
 * lock with the content: from then on no build may lose those URLs without a redirect.
 */
import { spawnSync } from "node:child_process";

if (process.env["CI"] === "true") {
  process.stderr.write(
    "npm run lock does not run in CI: the lock changes only by an explicit, committed step.\n",
  );
  process.exit(1);
}
const run = spawnSync(
  process.execPath,
  ["node_modules/astro/bin/astro.mjs", "build", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, CASEFILE_LOCK: "1", ASTRO_TELEMETRY_DISABLED: "1" },
  },
);
process.exit(run.status ?? 1);
