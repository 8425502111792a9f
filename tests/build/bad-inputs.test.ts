import { spawn, spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogue, type BadInput } from "../fixtures/bad-inputs/catalogue.ts";
import { buildFolder, childEnv, projectRoot, removeBuild } from "../helpers/build-site.ts";
import { copySite, minimalSite } from "../helpers/site-copy.ts";

/** What running one case printed. */
interface Run {
  /** Exit status; null when killed by the timeout. */
  status: number | null;
  /** stdout. */
  stdout: string;
  /** stderr. */
  stderr: string;
  /** The build's output folder. */
  outDir: string;
  /** Milliseconds taken. */
  ms: number;
}

/** Seconds a case may take before it counts as a hang. */
const timeouts = { check: 30, build: 180 } as const;

/** Runs `npm run check` or the build (via its scripts, as npm would) over a site, asynchronously. */
function run(site: string, via: BadInput["via"]): Promise<Run> {
  const { outDir, cacheDir } = buildFolder("bad");
  const script =
    via === "check" ? ["scripts/check.ts"] : ["node_modules/astro/bin/astro.mjs", "build"];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(join(projectRoot, "node_modules/.bin/node"), script, {
      cwd: projectRoot,
      env: childEnv({
        CASEFILE_SITE: site,
        CASEFILE_OUT_DIR: outDir,
        CASEFILE_CACHE_DIR: cacheDir,
        BASE_PATH: "/",
        SITE_URL: "https://example.org",
        NO_COLOR: "1",
        ASTRO_TELEMETRY_DISABLED: "1",
      }),
      timeout: timeouts[via] * 1000,
      killSignal: "SIGKILL",
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) =>
      resolve({ status, stdout, stderr, outDir, ms: Math.round(performance.now() - started) }),
    );
  });
}

/** Runs tasks with at most `limit` at a time, keeping their order. */
async function pooled<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The paragraphs a command printed, minus the minimal site's own warning and the summary lines. */
function paragraphs(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter(
      (line) =>
        /^(error|warning)\b/.test(line) &&
        !line.includes('source "ministry-statement" has no capture'),
    );
}

const sites: string[] = [];
const results = new Map<string, Run>();
const ready = (async () => {
  const prepare = (entry: BadInput) => {
    const site = copySite(minimalSite);
    sites.push(site);
    entry.apply(site);
    return site;
  };
  const checks = catalogue.filter((entry) => entry.via === "check");
  const builds = catalogue.filter((entry) => entry.via === "build");
  const checked = await pooled(checks, 6, (entry) => run(prepare(entry), "check"));
  checks.forEach((entry, index) => results.set(entry.name, checked[index]!));
  // Builds share Astro's cache folder in the project: one at a time.
  const built = await pooled(builds, 1, (entry) => run(prepare(entry), "build"));
  builds.forEach((entry, index) => results.set(entry.name, built[index]!));
  if (process.env["BAD_INPUTS_RECORD"])
    writeFileSync(
      process.env["BAD_INPUTS_RECORD"],
      JSON.stringify(
        Object.fromEntries([...results].map(([name, result]) => [name, paragraphs(result.stderr)])),
        null,
        1,
      ),
    );
  console.log(
    `\nBad-input catalogue (${catalogue.length} cases)\n` +
      catalogue
        .map((entry) => {
          const result = results.get(entry.name)!;
          const printed =
            paragraphs(result.stderr)[0] ?? (result.status === 0 ? "(builds)" : "(nothing)");
          return `${entry.name.padEnd(48)} ${entry.via.padEnd(5)} exit ${String(result.status).padEnd(4)} ${String(result.ms).padStart(6)} ms  ${printed}`;
        })
        .join("\n"),
  );
})();

afterAll(() => {
  for (const site of sites) rmSync(site, { recursive: true, force: true });
  for (const result of results.values()) removeBuild(result.outDir);
});

describe("the bad-input catalogue", () => {
  it("has at least 30 cases with distinct names", () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(30);
    expect(new Set(catalogue.map((entry) => entry.name)).size).toBe(catalogue.length);
  });

  it.each(catalogue.map((entry) => [entry.name, entry] as const))(
    "%s",
    async (_name, entry) => {
      await ready;
      const result = results.get(entry.name)!;
      expect(result.status, "killed by the timeout: the command hung").not.toBeNull();
      // Never a stack trace, never an internal error.
      expect(result.stderr).not.toMatch(/\n\s+at \S/);
      expect(result.stderr).not.toMatch(/Stack trace|TypeError|ReferenceError|RangeError/);
      const printed = paragraphs(result.stderr);
      const { outcome } = entry;
      if (outcome.kind === "error") {
        expect(result.status).toBe(1);
        expect(printed).toEqual(outcome.lines);
      } else {
        expect(/^error\b.*$/m.exec(result.stderr)?.[0]).toBeUndefined();
        expect(result.status).toBe(0);
        expect(printed).toEqual(outcome.kind === "warning" ? outcome.lines : []);
        if (outcome.kind === "ok" && outcome.page) {
          const html = readFileSync(join(result.outDir, outcome.page.file), "utf8");
          for (const text of outcome.page.contains) expect(html).toContain(text);
          for (const text of outcome.page.lacks ?? []) expect(html).not.toContain(text);
        }
      }
    },
    600_000,
  );
});

describe("npm run check on a site with five different errors", () => {
  it("reports all five at once, one paragraph each", () => {
    const site = copySite(minimalSite);
    sites.push(site);
    const pick = (name: string) => catalogue.find((entry) => entry.name === name)!;
    const cases = [
      "unknown enum value (status)",
      "ragged CSV row in events.csv",
      "dangling outlet",
      "binary file among captures",
      "invalid JSON chart data",
    ].map(pick);
    for (const entry of cases) entry.apply(site);
    // A hang is caught by the timeout below; speed is measured by the benchmarks.
    const check = spawnSync(join(projectRoot, "node_modules/.bin/node"), ["scripts/check.ts"], {
      cwd: projectRoot,
      encoding: "utf8",
      env: childEnv({ CASEFILE_SITE: site, NO_COLOR: "1" }),
      timeout: 30_000,
    });
    expect(check.status).toBe(1);
    const expected = cases.flatMap((entry) =>
      entry.outcome.kind === "error" ? entry.outcome.lines : [],
    );
    expect(expected).toHaveLength(5);
    expect(check.stderr).toBe(`${expected.join("\n")}\n\n5 errors: nothing was built.\n`);
  });
});
