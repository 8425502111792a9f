import { createHash } from "node:crypto";
import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildFolder,
  buildSite,
  listFiles,
  removeBuild,
  type BuildRun,
} from "../helpers/build-site.ts";
import { copySampleSite, edit } from "../helpers/site-copy.ts";

const edited = "2024-venezuela-cne-election-ddos";
const citing = "2017-venezuela-binary-guardians-defacement";
const unrelated = "2021-bolivia-oep-results-site-intrusion";
const sentence = "This sentence was added after the first build, to check incremental rebuilds.";
const renamed = "Press TV (renamed outlet)";

/** One build of the copied site: how it ran, and every file it wrote (later builds overwrite them). */
interface Build {
  /** The build's exit status and log. */
  run: BuildRun;
  /** The SHA-256 of every file written, by path. */
  files: Map<string, string>;
  /** The text of every file written, by path. */
  texts: Map<string, string>;
}

const site = copySampleSite();
/** One output and cache folder for the successive builds, as on an author's machine. */
const folder = buildFolder("incremental");
const cold = buildFolder("incremental-cold");
const runs: BuildRun[] = [];
const builds: Record<"first" | "second" | "third" | "cold", Build> = {} as never;

/** Builds the copied site into `into` (the shared folders unless given) and reads the result. */
function build(into: { outDir: string; cacheDir: string } = folder): Build {
  const run = buildSite({
    site,
    env: { CASEFILE_OUT_DIR: into.outDir, CASEFILE_CACHE_DIR: into.cacheDir },
  });
  runs.push(run);
  if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}\n${run.stdout.slice(-3000)}`);
  const bytes = listFiles(into.outDir).map((file) => ({
    file,
    bytes: readFileSync(join(into.outDir, file)),
  }));
  return {
    run,
    files: new Map(
      bytes.map(({ file, bytes }) => [file, createHash("sha256").update(bytes).digest("hex")]),
    ),
    texts: new Map(bytes.map(({ file, bytes }) => [file, bytes.toString("utf8")])),
  };
}

/** Paths Astro copied from its incremental cache instead of rendering, from the build log. */
function reused(run: BuildRun): Set<string> {
  return new Set(
    [...run.stdout.matchAll(/├─ (\S+) \((?:restored|cached)\)/g)].map((match) => match[1] ?? ""),
  );
}

/** Paths Astro rendered, from the build log. */
function rendered(run: BuildRun): Set<string> {
  return new Set(
    [...run.stdout.matchAll(/├─ (\S+) \(\+[\d.]+m?s\)/g)].map((match) => match[1] ?? ""),
  );
}

/** How many incident exports a build wrote, and how many of them came from the cache unchanged. */
function exportsWritten(run: BuildRun): { written: number; unchanged: number } {
  const match = /(\d+) incident exports \((\d+) unchanged\)/.exec(run.stdout);
  if (!match) throw new Error("no incident exports line in the build log");
  return { written: Number(match[1]), unchanged: Number(match[2]) };
}

/** The text of a file a build wrote. */
function html(build: Build, path: string): string {
  const text = build.texts.get(path);
  if (text === undefined) throw new Error(`no file ${path}`);
  return text;
}

beforeAll(() => {
  builds.first = build();
  appendFileSync(join(site, `content/incidents/${edited}.mdx`), `\n${sentence}\n`);
  builds.second = build();
  edit(site, "data/outlets.yaml", /name: Press TV$/m, `name: ${renamed}`);
  builds.third = build();
  // The same final site built from nothing, in folders of its own.
  builds.cold = build(cold);
});

afterAll(() => {
  for (const run of runs) removeBuild(run.outDir);
  removeBuild(folder.outDir);
  removeBuild(cold.outDir);
  rmSync(site, { recursive: true, force: true });
});

describe("rebuilding after editing one write-up", () => {
  it("renders the edited incident page again, with the edit", () => {
    expect(html(builds.first, `incidents/${edited}/index.html`)).not.toContain(sentence);
    expect(html(builds.second, `incidents/${edited}/index.html`)).toContain(sentence);
    expect(rendered(builds.second.run)).toContain(`/incidents/${edited}/index.html`);
  });

  it("reuses the other incidents' pages, byte for byte, and says so in the log", () => {
    const again = reused(builds.second.run);
    for (const id of [citing, unrelated]) {
      for (const file of ["index.html", "sources/index.html"]) {
        expect(again).toContain(`/incidents/${id}/${file}`);
      }
    }
    // The edited incident's processing report and exports do not show the write-up's text; the
    // exports (written after the pages) all come from their cache.
    expect(again).toContain(`/incidents/${edited}/sources/index.html`);
    expect(exportsWritten(builds.first.run)).toEqual({ written: 18, unchanged: 0 });
    expect(exportsWritten(builds.second.run)).toEqual({ written: 18, unchanged: 18 });
    for (const [file, digest] of builds.first.files) {
      if (file.startsWith("incidents/") && !file.startsWith(`incidents/${edited}/`))
        expect({ file, digest: builds.second.files.get(file) }).toEqual({ file, digest });
    }
    expect(again.size).toBeGreaterThan(15);
    expect(reused(builds.first.run).size).toBe(0);
  });
});

describe("rebuilding after renaming an outlet in data/outlets.yaml", () => {
  it("renders the outlet's page and the pages of incidents citing it again, with the new name", () => {
    const again = rendered(builds.third.run);
    expect(again).toContain("/outlets/press-tv/index.html");
    expect(again).toContain(`/incidents/${citing}/index.html`);
    expect(html(builds.third, "outlets/press-tv/index.html")).toContain(renamed);
    expect(html(builds.third, `incidents/${citing}/index.html`)).toContain(renamed);
    expect(html(builds.third, `incidents/${citing}/stix.json`)).toContain(renamed);
    expect(html(builds.second, `incidents/${citing}/index.html`)).not.toContain(renamed);
    // The exports of the incident citing the outlet are written again (its data key changed).
    const { unchanged } = exportsWritten(builds.third.run);
    expect(unchanged).toBeGreaterThan(0);
    expect(unchanged).toBeLessThan(18);
  });

  it("reuses the pages of incidents that do not cite it", () => {
    const again = reused(builds.third.run);
    for (const id of [edited, unrelated]) expect(again).toContain(`/incidents/${id}/index.html`);
    expect(builds.third.files.get(`incidents/${unrelated}/index.html`)).toBe(
      builds.second.files.get(`incidents/${unrelated}/index.html`),
    );
  });
});

describe("the incremental builds", () => {
  it("write the same files, byte for byte, as a build from nothing", () => {
    expect(reused(builds.cold.run).size).toBe(0);
    expect([...builds.third.files.keys()]).toEqual([...builds.cold.files.keys()]);
    for (const [file, digest] of builds.cold.files)
      expect({ file, digest: builds.third.files.get(file) }).toEqual({ file, digest });
  });

  it("keep their incremental pages and rendered charts in the build's own cache folder", () => {
    const cached = listFiles(folder.cacheDir);
    expect(cached).toContain("incremental-build.json");
    // Each incident's page and processing report; its exports are in the exports step's cache.
    expect(cached.filter((file) => file.startsWith("dist/incidents/")).length).toBe(6);
    expect(cached.filter((file) => file.startsWith("casefile/exports/")).length).toBeGreaterThan(
      17,
    );
    expect(
      cached.filter((file) => /^casefile\/charts\/[0-9a-f]{64}\.svg$/.test(file)).length,
    ).toBeGreaterThan(5);
  });
});
