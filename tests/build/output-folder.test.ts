import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite, listFiles, removeBuild } from "../helpers/build-site.ts";
import { copySite, edit, minimalSite } from "../helpers/site-copy.ts";

const incident = "content/incidents/2020-example-ddos.mdx";
/** Paths a hostile site names, each as a redirect would write it (relative to the output folder). */
const hostile = [
  "/../data/outlets.yaml",
  "/../../../pwned-by-redirect.html",
  "/../../../../../../../../../../tmp/pwned-by-redirect.html",
  "/index.html",
];
const builds: string[] = [];

afterAll(() => {
  for (const outDir of builds) removeBuild(outDir);
});

/**
 * Every file of a site with its bytes, to compare before and after a build; not its caches
 * (node_modules/.cache), which a build is meant to write.
 */
function snapshot(site: string): Map<string, string> {
  return new Map(
    listFiles(site)
      .filter((file) => !file.startsWith("node_modules/"))
      .map((file) => [file, readFileSync(join(site, file), "base64")]),
  );
}

/** Builds a site and returns the run, after checking that nothing outside its output changed. */
function buildUnchanged(site: string) {
  const before = snapshot(site);
  const run = buildSite({ site });
  builds.push(run.outDir);
  expect(snapshot(site)).toEqual(before);
  for (const path of hostile)
    if (!path.endsWith("/index.html"))
      expect(existsSync(resolve(run.outDir, `.${path}`)), path).toBe(false);
  return run;
}

describe("a build", () => {
  it("writes nothing outside its output folder, whatever redirect_from says", () => {
    const site = copySite(minimalSite);
    edit(site, incident, "published:", `redirect_from: ${JSON.stringify(hostile)}\npublished:`);
    const run = buildUnchanged(site);
    expect(run.status).toBe(1);
    for (const [index, path] of hostile.entries())
      expect(run.stderr).toContain(
        `redirect_from[${index}]: "${path}" is neither an old incident id nor an old incident path`,
      );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("writes nothing outside its output folder, whatever urls.lock says", () => {
    const site = copySite(minimalSite);
    edit(site, incident, "published:", "redirect_from: [2020-old-name]\npublished:");
    const lines = hostile.map((path) => `/incidents/2020-old-name${path}`);
    writeFileSync(join(site, "urls.lock"), `# urls.lock\n/\n${lines.join("\n")}\n`);
    const run = buildUnchanged(site);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error: urls.lock:3: "/incidents/2020-old-name/../data/outlets.yaml" is not a site path.',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
