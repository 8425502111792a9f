import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, listFiles, removeBuild } from "../helpers/build-site.ts";
import { minimalSite } from "../helpers/site-copy.ts";

const builds: string[] = [];

afterAll(() => {
  for (const outDir of builds) removeBuild(outDir);
});

describe("the site URL", () => {
  it("warns once, naming what will be wrong, when a build has none", () => {
    const run = buildSite({ site: minimalSite, env: { SITE_URL: "", CI: "" } });
    builds.push(run.outDir);
    expect(run.status).toBe(0);
    const warnings = run.stderr
      .split("\n")
      .filter((line) => line.startsWith("warning: no site URL"));
    expect(warnings).toEqual([
      "warning: no site URL is set, so the citations (cite.bib, cite.ris, cite.json, citation meta tags), canonical links, the feed, the sitemap, the STIX bundles and the dossiers will name http://localhost:4321. Hint: set url: in casefile.config.yaml, or SITE_URL to the address the site is published at, e.g. SITE_URL=https://owner.github.io BASE_PATH=/repository/ npm run build (the GitHub Pages workflow sets both)",
    ]);
  }, 300_000);

  it("is required under CI=true, where a build is one to publish", () => {
    const run = buildSite({ site: minimalSite, env: { SITE_URL: "", CI: "true" } });
    builds.push(run.outDir);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "error: casefile.config.yaml: url: a build under CI=true has no site URL, and its citations, feed, sitemap and dossiers would name a development address. Hint: set url: in casefile.config.yaml, or SITE_URL (and BASE_PATH) in the environment as the GitHub Pages workflow does\n\n1 error: the build stopped.\n",
    );
  }, 300_000);

  it("leaves no localhost in any published file once it is set", () => {
    const run = buildSite({ site: minimalSite });
    builds.push(run.outDir);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain("no site URL");
    const files = listFiles(run.outDir).filter((file) => !file.endsWith(".zip"));
    expect(files.length).toBeGreaterThan(20);
    const mentioning = files.filter((file) =>
      readFileSync(join(run.outDir, file)).includes("localhost"),
    );
    expect(mentioning).toEqual([]);
  }, 300_000);
});
