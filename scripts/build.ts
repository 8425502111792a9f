/**
 * `npm run build`: checks content and data first, so that an author's mistake stops the build
 * with one paragraph per problem (file, line or field, hint) and no stack trace; then runs
 * `astro build` with any extra arguments.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { siteRoot } from "../src/site-root.ts";
import { checkSite, report } from "./check.ts";

const args = process.argv.slice(2);
const result = checkSite(siteRoot());
report(result);
if (result.errors.length > 0) process.exit(1);

const astro = join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin/astro.mjs");
const build = spawnSync(process.execPath, [astro, "build", ...args.filter((arg) => arg !== "--strict")], {
  stdio: "inherit",
  env: { ...process.env, ...(args.includes("--strict") ? { CASEFILE_STRICT: "1" } : {}), ASTRO_TELEMETRY_DISABLED: "1" },
});
process.exit(build.status ?? 1);
