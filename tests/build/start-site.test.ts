import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, childEnv, listFiles, projectRoot, removeBuild } from "../helpers/build-site.ts";

/** Runs a script of the project over a site folder, as `npm run` would. */
function script(name: string, site: string, args: string[] = []) {
  return spawnSync(join(projectRoot, "node_modules/.bin/node"), [`scripts/${name}.ts`, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: childEnv({ CASEFILE_SITE: site, NO_COLOR: "1", CI: "" }),
  });
}

const folders: string[] = [];
const builds: string[] = [];

/** A new, empty folder for a site. */
function emptyFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "casefile-start-"));
  folders.push(folder);
  return folder;
}

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  for (const outDir of builds) removeBuild(outDir);
});

describe("npm run start-site", () => {
  const site = emptyFolder();
  const started = script("start-site", site, [
    "--title",
    "Election Watch Lab",
    "--publisher",
    "Universidad X",
    "--url",
    "https://ewlab.github.io/dossiers",
  ]);

  it("writes the settings file, an empty outlets list and a lock with no URL", () => {
    expect(started.stderr).toBe("");
    expect(started.status).toBe(0);
    expect(listFiles(site)).toEqual(["casefile.config.yaml", "data/outlets.yaml", "urls.lock"]);
    const settings = readFileSync(join(site, "casefile.config.yaml"), "utf8");
    expect(settings).toContain('title: "Election Watch Lab"\n');
    expect(settings).toContain('publisher: "Universidad X"');
    expect(settings).toContain('url: "https://ewlab.github.io"\nbase: "/dossiers/"\n');
  });

  it("leaves a site that checks clean under --strict", () => {
    const check = script("check", site, ["--strict"]);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("content and data are valid, 0 warnings");
  });

  it("leaves a site that builds quietly, under its URL, naming its publisher", () => {
    const run = buildSite({ site, env: { SITE_URL: "", BASE_PATH: "" } });
    builds.push(run.outDir);
    expect(run.status).toBe(0);
    // No warning at all: no site URL missing, no empty collection, no configuration noise.
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\[WARN\]|^warning/m);
    const home = readFileSync(join(run.outDir, "index.html"), "utf8");
    expect(home).toContain("<title>Election Watch Lab</title>");
    expect(home).toContain("Universidad X.");
    expect(home).toContain('href="/dossiers/feed.xml"');
    expect(readFileSync(join(run.outDir, "sitemap-index.xml"), "utf8")).toContain(
      "https://ewlab.github.io/dossiers/",
    );
  }, 300_000);

  it("then scaffolds incidents with npm run new, into the new site", () => {
    const created = script("new", site, ["Outage at the electoral council", "--country", "VE"]);
    expect(created.status).toBe(0);
    expect(listFiles(site).filter((file) => file.startsWith("content/"))).toHaveLength(1);
  });

  it("never starts a site twice, nor over existing content", () => {
    const again = script("start-site", site, ["--title", "Other"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(
      "error: a site is already started here (casefile.config.yaml exists); nothing was written. Hint: edit casefile.config.yaml to change its settings\n",
    );
    const legacy = emptyFolder();
    mkdirSync(join(legacy, "content/incidents"), { recursive: true });
    writeFileSync(join(legacy, "content/incidents/2024-x.mdx"), "---\n---\n");
    const over = script("start-site", legacy, ["--title", "Other"]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("this folder already holds content; nothing was written");
  });

  it("says which option is missing when it cannot ask", () => {
    const run = script("start-site", emptyFolder(), ["--publisher", "Universidad X"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'error: no site title given. Hint: run npm run start-site -- --title "Site name" --publisher "…"\n',
    );
  });
});

describe("npm run new before a site is started", () => {
  it("refuses to write into the engine's samples", () => {
    const run = spawnSync(
      join(projectRoot, "node_modules/.bin/node"),
      [join(projectRoot, "scripts/new.ts"), "An incident"],
      { cwd: emptyFolder(), encoding: "utf8", env: childEnv({ NO_COLOR: "1", CASEFILE_SITE: "" }) },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no site is started in this folder");
    expect(run.stderr).toContain("npm run start-site");
  });
});
