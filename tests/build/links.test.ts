import { describe, expect, it } from "vitest";
import { buildInProject } from "../helpers/browser.ts";
import { brokenLinks } from "../helpers/links.ts";

describe("link integrity of the sample site under /casefile/", () => {
  const run = buildInProject("/casefile/");

  it("resolves every internal link and every #fragment on every page", () => {
    const { pages, links, broken } = brokenLinks(run.outDir, "/casefile/");
    expect(pages).toBeGreaterThan(10);
    expect(links).toBeGreaterThan(100);
    expect(broken).toEqual([]);
  });

  it("links to source and claim anchors that exist", () => {
    const { broken } = brokenLinks(run.outDir, "/casefile/");
    expect(broken.filter((link) => /#(source|claim|p)-/.test(link.href))).toEqual([]);
  });
});
