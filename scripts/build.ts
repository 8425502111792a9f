/**
 * `npm run build`: checks content and data first, so that an author's mistake stops the build
 * with one paragraph per problem (file, line or field, hint) and no stack trace; then runs
 * `astro build` with any extra arguments. Author errors raised during rendering reach us marked
 * inside Astro's output and are printed the same way, as are MDX compile errors and unknown
 * components that Astro reports itself; `DEBUG=casefile` shows Astro's full output.
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { locateCharts, problemsInAstroOutput } from "../src/lib/build-errors.ts";
import { formatProblem, problemsInText } from "../src/lib/errors.ts";
import { siteRoot } from "../src/site-root.ts";

const args = process.argv.slice(2);
const strict = args.includes("--strict") || process.env["CASEFILE_STRICT"] === "1";
const debug = (process.env["DEBUG"] ?? "").split(",").includes("casefile");
// In a process of its own, so that the memory the check takes is given back before Astro starts.
const check = spawnSync(process.execPath, [fileURLToPath(new URL("check.ts", import.meta.url))], {
  stdio: "inherit",
  env: { ...process.env, ...(strict ? { CASEFILE_STRICT: "1" } : {}) },
});
if (check.status !== 0) process.exit(check.status ?? 1);

const astro = join(
  dirname(createRequire(import.meta.url).resolve("astro/package.json")),
  "bin/astro.mjs",
);
const child = spawn(
  process.execPath,
  [astro, "build", ...args.filter((arg) => arg !== "--strict")],
  {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      ...(strict ? { CASEFILE_STRICT: "1" } : {}),
      ASTRO_TELEMETRY_DISABLED: "1",
    },
  },
);
// Progress goes straight through; error output is held back until we know whether it carries
// author problems, which are then printed alone.
let held = "";
let failing = false;
const pass = (chunk: Buffer, stream: NodeJS.WriteStream) => {
  const text = chunk.toString();
  if (!failing && !/\[ERROR\]|@@casefile-problem@@|^\s*at /m.test(text)) stream.write(text);
  else {
    failing = true;
    held += text;
  }
};
child.stdout.on("data", (chunk: Buffer) => pass(chunk, process.stdout));
child.stderr.on("data", (chunk: Buffer) => pass(chunk, process.stderr));
child.on("close", (code) => {
  const marked = problemsInText(held);
  const problems = locateCharts(
    marked.length > 0 ? marked : problemsInAstroOutput(held, siteRoot()),
    siteRoot(),
  );
  if (code !== 0 && problems.length > 0 && !debug) {
    for (const problem of problems) process.stderr.write(`error: ${formatProblem(problem)}\n`);
    process.stderr.write(
      `\n${problems.length} error${problems.length === 1 ? "" : "s"}: the build stopped.\n`,
    );
  } else {
    process.stderr.write(held);
  }
  process.exit(code ?? 1);
});
