import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

/** The project root. */
export const projectRoot = new URL("../../", import.meta.url).pathname;

/** The environment of a child build: ours, without what Vitest sets for its own Vite (BASE_URL, MODE, …). */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
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
  ])
    delete env[name];
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

/** Builds a site (the project's own content unless `site` is given) into a temporary folder. */
export function buildSite(
  options: { site?: string; base?: string; args?: string[]; env?: Record<string, string> } = {},
): BuildRun {
  const outDir = mkdtempSync(join(tmpdir(), "casefile-dist-"));
  const run = spawnSync(
    join(projectRoot, "node_modules/.bin/node"),
    ["scripts/build.ts", ...(options.args ?? [])],
    {
      cwd: projectRoot,
      encoding: "utf8",
      env: childEnv({
        CASEFILE_OUT_DIR: outDir,
        BASE_PATH: options.base ?? "/",
        SITE_URL: "https://example.org",
        CASEFILE_SITE: options.site ?? "",
        NO_COLOR: "1",
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
