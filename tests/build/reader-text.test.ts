import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, readPages, removeBuild, type BuildRun } from "../helpers/build-site.ts";
import { copySampleSite } from "../helpers/site-copy.ts";

const incident = "incidents/2024-venezuela-cne-election-ddos/index.html";
let build: BuildRun;
let pages: Map<string, string>;

beforeAll(() => {
  build = buildSite({ site: copySampleSite() });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`);
  pages = readPages(build.outDir);
});

afterAll(() => {
  removeBuild(build.outDir);
});

/** A built page's document. */
function page(path: string): Document {
  const html = pages.get(path);
  if (html === undefined) throw new Error(`no page ${path}`);
  return parseHTML(html).document;
}

/** What a reader sees of a page: its body's text, without scripts and styles, spaces collapsed. */
function visibleText(document: Document): string {
  for (const element of document.querySelectorAll("script, style, template")) element.remove();
  return document.body.textContent.replace(/\s+/g, " ");
}

describe("the text readers see on the sample site", () => {
  it("has no internal document ids, singular counts in the plural, or words run together", () => {
    // The processing report lists every decision by paragraph and document id, for an audit.
    const read = [...pages.keys()].filter((path) =>
      /^(?:index|incidents\/[^/]+\/index|outlets\/[^/]+\/index)\.html$/.test(path),
    );
    expect(read.length).toBeGreaterThan(10);
    for (const path of read) {
      const text = visibleText(page(path));
      expect(text, path).not.toMatch(/\bd-[0-9a-f]{8,}\b/);
      expect(text, path).not.toMatch(
        /\b1 (?:paragraphs|lines|copies|sources|documents|claims|outlets|origins|pages)\b/,
      );
      expect(text, path).not.toMatch(/theprocessing/);
    }
    expect(visibleText(page(incident))).toContain("lacks 1 paragraph (abridged)");
    expect(visibleText(page(incident))).toContain(
      "every decision is listed in the processing report",
    );
  });

  it("says what each grade means next to it and names claims and origins by text and title", () => {
    const document = page(incident);
    const row = (id: string) => document.querySelector(`#source-${id}`);
    const cells = (id: string) =>
      [...(row(id)?.querySelectorAll("td") ?? [])].map((cell) =>
        cell.textContent.replace(/\s+/g, " ").trim(),
      );
    expect(cells("team-cymru-analysis").slice(0, 2)).toEqual([
      "B — usually reliable from outlet",
      "2 — probably true",
    ]);
    expect(cells("attorney-general-statement")[1]).toBe("6 — truth cannot be judged");
    const claim = row("team-cymru-analysis")?.querySelector(
      'a[href="#claim-ddos-on-election-day"]',
    );
    expect(claim?.textContent).toBe(
      "A distributed denial-of-service attempt targeted CNE systems on 28 July 2024.",
    );
    const origin = row("mintpress-republication")?.querySelector(
      'a[href="#origin-mision-verdad-article"]',
    );
    expect(origin?.textContent).toBe(
      "The Cyber Offensive Against Venezuela's Election, Map by Map",
    );
    expect(row("mintpress-republication")?.textContent).toMatch(/shared with 3 other sources/);
  });
});
