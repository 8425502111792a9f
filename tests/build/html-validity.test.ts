import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeBuild, type BuildRun } from "../helpers/build-site.ts";
import { buildInProject } from "../helpers/browser.ts";
import { htmlErrors, javaAvailable } from "../helpers/html-checker.ts";

describe.skipIf(!javaAvailable())("the HTML of the sample site", () => {
  let build: BuildRun | undefined;

  beforeAll(() => {
    build = buildInProject("/casefile/");
  });
  afterAll(() => {
    if (build !== undefined) removeBuild(build.outDir);
  });

  it("has no error under the Nu HTML Checker on any page or dossier", () => {
    const { files, errors } = htmlErrors(build?.outDir ?? "");
    expect(files).toContain("index.html");
    expect(files.filter((file) => file.endsWith("/dossier.html")).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 120_000);
});
