/**
 * `npm run build`: checks content and data, so that an author's mistake stops the build with one
 * paragraph per problem (file, line or field, hint) and no stack trace, and runs `astro build`
 * with any extra arguments. The two run at the same time, in two processes (two cores): Astro's
 * output is held back until the check has passed, and a failed check stops Astro and prints only
 * the check's problems. Author errors raised during rendering reach us marked inside Astro's
 * output and are printed the same way (MDX syntax errors and unknown components are the check's:
 * scripts/check.ts); `DEBUG=casefile` shows Astro's full output.
 *
 * Once Astro has exited (and given back its memory), writes the dossiers, the search index, the
 * offline zip and the service worker (src/post-build/offline-and-search.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { setPriority } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { locateCharts } from "../src/lib/content/chart-locations.ts";
import { formatProblem, problemsInText } from "../src/lib/errors.ts";
import { cacheRoot, outputRoot, siteAddress, siteRoot } from "../src/site-root.ts";

const args = process.argv.slice(2);
const strict = args.includes("--strict") || process.env["CASEFILE_STRICT"] === "1";
const debug = (process.env["DEBUG"] ?? "").split(",").includes("casefile");
const env = { ...process.env, ...(strict ? { CASEFILE_STRICT: "1" } : {}) };

/** The exit code of a child process once it ends (1 if killed by a signal). */
const exited = (child: ChildProcess) =>
  new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));

// Its own process, so that the memory the check takes is given back when it ends.
const check = spawn(
  process.execPath,
  ["--expose-gc", fileURLToPath(new URL("check.ts", import.meta.url)), "--warm-charts"],
  {
    stdio: "inherit",
    env,
  },
);
// Astro's bundling and rendering come first; the check (and its chart warm-up) takes what is left
// of the second core. While Astro waits for the check's archive, it leaves the check the machine.
try {
  if (check.pid !== undefined) setPriority(check.pid, 10);
} catch {
  // Not allowed here: both run at the same priority.
}
const astro = spawn(
  process.execPath,
  [
    join(dirname(createRequire(import.meta.url).resolve("astro/package.json")), "bin/astro.mjs"),
    "build",
    ...args.filter((arg) => arg !== "--strict"),
  ],
  { stdio: ["ignore", "pipe", "pipe"], env: { ...env, ASTRO_TELEMETRY_DISABLED: "1" } },
);

// Astro's progress waits for the check's verdict, then goes straight through; its error output is
// held back until we know whether it carries author problems, which are then printed alone.
let checked = false;
const waiting: [Buffer, NodeJS.WriteStream][] = [];
let held = "";
let failing = false;
const pass = (chunk: Buffer, stream: NodeJS.WriteStream) => {
  if (!checked) {
    waiting.push([chunk, stream]);
    return;
  }
  const text = chunk.toString();
  if (!failing && !/\[ERROR\]|@@casefile-problem@@|^\s*at /m.test(text)) stream.write(text);
  else {
    failing = true;
    held += text;
  }
};
astro.stdout.on("data", (chunk: Buffer) => pass(chunk, process.stdout));
astro.stderr.on("data", (chunk: Buffer) => pass(chunk, process.stderr));
const astroExit = exited(astro);

const checkCode = await exited(check);
if (checkCode !== 0) {
  // The check printed the problems; Astro would only repeat some of them.
  astro.kill("SIGTERM");
  await astroExit;
  process.exit(checkCode);
}
checked = true;
for (const [chunk, stream] of waiting.splice(0)) pass(chunk, stream);

const code = await astroExit;
const problems = locateCharts(problemsInText(held), siteRoot());
if (code !== 0 && problems.length > 0 && !debug) {
  for (const problem of problems) process.stderr.write(`error: ${formatProblem(problem)}\n`);
  process.stderr.write(
    `\n${problems.length} error${problems.length === 1 ? "" : "s"}: the build stopped.\n`,
  );
} else {
  process.stderr.write(held);
}
if (code !== 0) process.exit(code);

const { writeOfflineAndSearch } = await import("../src/post-build/offline-and-search.ts");
const { url, base } = siteAddress();
const clock = () => new Date().toTimeString().slice(0, 8);
try {
  await writeOfflineAndSearch(
    { out: outputRoot(), base, origin: new URL(url).origin },
    {
      folder: join(cacheRoot(), "casefile"),
      projectRoot: fileURLToPath(new URL("..", import.meta.url)),
    },
    (line) => process.stdout.write(`${clock()} [casefile-offline-and-search] ${line}\n`),
  );
} catch (error) {
  process.stderr.write(
    `error: writing the search index and offline copies failed: ${debug ? (error as Error).stack : (error as Error).message}\n`,
  );
  process.exit(1);
}
