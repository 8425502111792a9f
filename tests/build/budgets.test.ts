import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildSite,
  listFiles,
  sampleSite,
  readPages,
  type BuildRun,
} from "../helpers/build-site.ts";

/** Page budgets (issue 7): bytes after gzip level 9. */
const BUDGET = { htmlPlusCss: 50 * 1024, javascript: 30 * 1024 };

const incidents = listFiles(join(sampleSite, "content/incidents"))
  .filter((file) => file.endsWith(".mdx"))
  .map((file) => file.replace(/\.mdx$/, ""));

let build: BuildRun;
let pages: Map<string, string>;
const measured: string[] = [];

beforeAll(() => {
  build = buildSite();
  if (build.status !== 0)
    throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
  pages = readPages(build.outDir);
});

afterAll(() => {
  // Printed so that CI logs show the sizes, met or not.
  if (measured.length > 0) console.log(`page budgets (gzip -9):\n${measured.join("\n")}`);
});

const gzipped = (bytes: string | Uint8Array) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The built file a root-relative URL points to (the sample site builds at base /). */
function builtFile(url: string): string {
  return join(build.outDir, decodeURIComponent(url.replace(/^\//, "").replace(/[?#].*$/, "")));
}

/** Stylesheets the page links to. */
function stylesheets(html: string): string[] {
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)].map(
    (match) => /\bhref="([^"]+)"/.exec(match[0])?.[1] ?? "",
  );
}

/** The page's own JavaScript: external scripts and inline scripts, not data blocks, not Pagefind's. */
function scripts(html: string): { label: string; bytes: Uint8Array | string }[] {
  const out: { label: string; bytes: Uint8Array | string }[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? "";
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1] ?? "";
    if (type !== "" && type !== "module" && !type.includes("javascript")) continue; // JSON-LD and other data
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src === undefined) out.push({ label: "inline", bytes: match[2] ?? "" });
    else if (!src.includes("/pagefind/"))
      out.push({ label: src, bytes: readFileSync(builtFile(src)) });
  }
  return out;
}

/** The blocks of a page that hold charts (authors' and automatic). */
function chartFigures(html: string): string[] {
  return [
    ...html.matchAll(
      /<figure\b[^>]*class="[^"]*\b(?:chart-figure|cf-chart-figure)\b[^"]*"[^>]*>[\s\S]*?<\/figure>/g,
    ),
  ].map((match) => match[0]);
}

describe("page budgets of the sample site", () => {
  it.each(incidents)("%s: HTML + CSS ≤ 50 KB gzip", (id) => {
    const html = pages.get(`incidents/${id}/index.html`) ?? "";
    expect(html).not.toBe("");
    const css = stylesheets(html).map((href) => gzipped(readFileSync(builtFile(href))));
    const total = gzipped(html) + css.reduce((sum, size) => sum + size, 0);
    measured.push(
      `  /incidents/${id}/: HTML ${kb(gzipped(html))} + CSS ${kb(css.reduce((a, b) => a + b, 0))} = ${kb(total)} (budget ${kb(BUDGET.htmlPlusCss)})`,
    );
    expect(css.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(BUDGET.htmlPlusCss);
  });

  it("every page's own JavaScript ≤ 30 KB gzip", () => {
    let largest = { page: "", bytes: 0 };
    for (const [page, html] of pages) {
      const total = scripts(html).reduce((sum, script) => sum + gzipped(script.bytes), 0);
      if (total > largest.bytes) largest = { page, bytes: total };
      expect(total, page).toBeLessThanOrEqual(BUDGET.javascript);
    }
    measured.push(
      `  largest JavaScript: ${largest.page || "(none)"} ${kb(largest.bytes)} (budget ${kb(BUDGET.javascript)})`,
    );
  });

  it.each(incidents)(
    "%s: the content is complete in the HTML, no script needed to read it",
    (id) => {
      // Read the HTML without its scripts: everything below must still be there.
      const html = (pages.get(`incidents/${id}/index.html`) ?? "").replace(
        /<script\b[\s\S]*?<\/script>/g,
        "",
      );
      const mdx = readFileSync(join(sampleSite, "content/incidents", `${id}.mdx`), "utf8");
      const data = parse(
        readFileSync(join(sampleSite, "data/incidents", id, "sources.yaml"), "utf8"),
      ) as {
        sources: { id: string }[];
        claims?: { id: string }[];
      };
      // The facts, the write-up's headings and its tables.
      expect(html).toMatch(/<dl\b[^>]*class="facts"/);
      for (const heading of mdx.matchAll(/^#{2,3} (.+)$/gm))
        expect(html).toContain(`>${(heading[1] ?? "").trim().replaceAll("&", "&amp;")}<`);
      const gfmTables = (mdx.match(/^\|[\s:|-]*-[\s:|-]*\|\s*$/gm) ?? []).length;
      expect((html.match(/<table\b/g) ?? []).length).toBeGreaterThanOrEqual(gfmTables + 1);
      // Every chart of the write-up is an SVG in the page, each chart figure holds one.
      const authored = (mdx.match(/<Chart\b/g) ?? []).length;
      const figures = chartFigures(html);
      expect(figures.length).toBeGreaterThanOrEqual(authored);
      for (const figure of figures) expect(figure).toMatch(/<svg\b/);
      // Sources and claims, with their anchors, and the source texts.
      for (const source of data.sources) expect(html).toContain(`id="source-${source.id}"`);
      for (const claim of data.claims ?? []) expect(html).toContain(`id="claim-${claim.id}"`);
      expect(html).toContain('id="source-text"');
    },
  );
});
