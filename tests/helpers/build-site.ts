import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative } from "node:path";

/** The project root. */
export const projectRoot = new URL("../../", import.meta.url).pathname;

/**
 * The sample site the engine ships (samples/): tests build it by name, never the project's own
 * `content/` and `data/`, which are the research group's once it starts its site.
 */
export const sampleSite = join(projectRoot, "samples");

/** Variables Vitest and Vite set that would change how a child build behaves. */
const viteNames = new Set([
  "BASE_URL",
  "MODE",
  "DEV",
  "PROD",
  "SSR",
  "NODE_ENV",
  "TEST",
  "VITEST",
  "VITEST_MODE",
  "VITEST_POOL_ID",
  "VITEST_WORKER_ID",
]);

/** The environment of a child build: ours, without what Vitest sets for its own Vite (BASE_URL, MODE, …). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !viteNames.has(name)),
  );
  return { ...env, ...extra };
}

/** Result of running `npm run build` in a child process. */
export interface BuildRun {
  /** Exit status. */
  status: number | null;
  /** Everything printed to stdout. */
  stdout: string;
  /** Everything printed to stderr. */
  stderr: string;
  /** The output folder. */
  outDir: string;
}

/**
 * Where test builds live: inside the project, so that Astro keeps its prerender chunks per output,
 * and not under node_modules/, which checkouts of one repository may share (a worktree linking
 * another's): each test run clears this folder, and must clear only its own.
 */
export const buildsFolder = join(projectRoot, ".cache/casefile-tests");

/**
 * A fresh folder for one build, with its output folder and its own Astro cache. Astro keeps its
 * prerender chunks next to an output folder inside the working directory (but in the shared
 * `.astro/` for one outside it), and its content store in the cache folder, so builds running at
 * the same time in other test files would otherwise overwrite each other's.
 */
export function buildFolder(prefix = "build"): { outDir: string; cacheDir: string } {
  mkdirSync(buildsFolder, { recursive: true });
  const folder = mkdtempSync(join(buildsFolder, `${prefix}-`));
  return { outDir: join(folder, "dist"), cacheDir: join(folder, "astro-cache") };
}

/** Removes a build made by `buildSite`, its Astro cache included. */
export function removeBuild(outDir: string): void {
  if (outDir.startsWith(buildsFolder)) rmSync(dirname(outDir), { recursive: true, force: true });
}

/** Builds a site (the sample site unless `site` is given) into a fresh, isolated folder. */
export function buildSite(
  options: { site?: string; base?: string; args?: string[]; env?: Record<string, string> } = {},
): BuildRun {
  const { outDir, cacheDir } = buildFolder();
  const run = spawnSync(
    join(projectRoot, "node_modules/.bin/node"),
    ["node_modules/astro/bin/astro.mjs", "build", ...(options.args ?? [])],
    {
      cwd: projectRoot,
      encoding: "utf8",
      env: childEnv({
        CASEFILE_OUT_DIR: outDir,
        CASEFILE_CACHE_DIR: cacheDir,
        BASE_PATH: options.base ?? "/",
        SITE_URL: "https://example.org",
        CASEFILE_SITE: options.site ?? sampleSite,
        NO_COLOR: "1",
        ASTRO_TELEMETRY_DISABLED: "1",
        ...options.env,
      }),
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outDir };
}

/** Every file of a folder, as paths relative to it with forward slashes. */
export function listFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** The HTML pages of a built site, by path. */
export function readPages(folder: string): Map<string, string> {
  return new Map(
    listFiles(folder)
      .filter((file) => file.endsWith(".html"))
      .map((file) => [file, readFileSync(join(folder, file), "utf8")]),
  );
}
