import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractCapture } from "../../src/lib/archive/formats/index.ts";
import { processCaptures, type Archive } from "../../src/lib/archive/index.ts";
import { digestCaptures } from "../../src/lib/content/archive-store.ts";
import { captureFiles, captureOriginalFile } from "../../src/lib/content/capture-files.ts";
import { loadSiteData } from "../../src/lib/content/load.ts";
import { decisionLine, researcherDecisions } from "../../src/lib/dossier/report.ts";
import { readSettings } from "../../src/site/settings.ts";
import { buildSite, sampleSite, type BuildRun } from "../helpers/build-site.ts";
import { copySite } from "../helpers/site-copy.ts";

/** Text as Astro escapes it in an element's content. */
function escaped(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const site = loadSiteData(sampleSite);
/** The incident whose sources name each capture label. */
const incidentOf = new Map<string, string>();
for (const [id, { sources }] of site.sources)
  for (const source of sources)
    for (const capture of source.captures) incidentOf.set(`data/archives/${capture}`, id);

let build: BuildRun;
let archive: Archive;

beforeAll(() => {
  // The sample site, publishing its original captures too (off by default).
  build = buildSite({ env: { CASEFILE_PUBLISH_ORIGINALS: "1" } });
  if (build.status !== 0)
    throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
  const { inputs, decisions } = digestCaptures(sampleSite);
  archive = processCaptures(inputs, { decisions });
});

/** The processing report of an incident, as built. */
function report(id: string): string {
  return readFileSync(join(build.outDir, "incidents", id, "sources/index.html"), "utf8");
}

describe("the processing report of the sample site", () => {
  it("shows the text of every hidden or merged line beside its decision, escaped, in a collapsed table", () => {
    const hidden = archive.ledger.filter((entry) => entry.status !== "kept");
    expect(hidden.length).toBeGreaterThan(100);
    const pages = new Map<string, string>();
    for (const entry of hidden) {
      const id = incidentOf.get(entry.file);
      expect(id, entry.file).toBeDefined();
      const html = pages.get(id!) ?? report(id!);
      pages.set(id!, html);
      expect(entry.text, `${entry.file}:${entry.line}`).toBeTruthy();
      // This line's row, in this capture's section of the report.
      const start = html.indexOf(
        `<h3><code>${escaped(entry.file.replace("data/archives/", ""))}</code></h3>`,
      );
      expect(start, entry.file).toBeGreaterThan(-1);
      const status = entry.status === "duplicate" ? "duplicate" : "page furniture";
      const row = html.indexOf(`<td class="number">${entry.line}</td><td>${status}</td>`, start);
      expect(row, `${entry.file}:${entry.line}`).toBeGreaterThan(-1);
      // The row of this capture's table holds the line's text; the table is inside <details>.
      const section = html.lastIndexOf("<details>", row);
      expect(section).toBeGreaterThan(html.lastIndexOf("</details>", row));
      const end = html.indexOf("</tr>", row);
      expect(html.slice(row, end)).toContain(`<td class="line-text">${escaped(entry.text!)}</td>`);
    }
  });

  it("lists the researchers' decisions of the sample data with their reasons", () => {
    const id = "2024-venezuela-cne-election-ddos";
    const lines = researcherDecisions({ sources: site.sources.get(id)!.sources }).map(decisionLine);
    expect(lines).toContain(
      "Source blog-compilation is only the article holding “Venezuela’s Election: Cyberattacks, Bounties” in 2024-venezuela/blog-compilation.txt — decided by the researchers: the source is the blogger's own post; the articles pasted below it are sources of their own",
    );
    const html = report(id);
    for (const line of lines) expect(html).toContain(`<li>${escaped(line)}</li>`);
    // The lines the selection leaves out say so, with the source and the part selected.
    expect(html).toContain(
      escaped(
        'decided by the researchers: outside the part of the capture that is source "blog-compilation" (the article with "Venezuela’s Election: Cyberattacks, Bounties"): the source is the blogger\'s own post; the articles pasted below it are sources of their own',
      ),
    );
  });

  it("publishes each capture's extracted text, and its original with the SHA-256 the report lists", () => {
    for (const [id, { file, sources }] of site.sources) {
      const captures = sources.flatMap((source) => source.captures);
      const html = report(id);
      for (const entry of captureFiles(sampleSite, captures, true, file)) {
        const bytes = readFileSync(join(sampleSite, "data/archives", entry.capture));
        const text = readFileSync(join(build.outDir, "incidents", id, entry.text), "utf8");
        expect(text).toBe(
          extractCapture({ file: `data/archives/${entry.capture}`, bytes: new Uint8Array(bytes) })
            .text,
        );
        expect(html).toContain(`href="/incidents/${id}/${entry.text}" download`);
        const original = readFileSync(join(build.outDir, "incidents", id, entry.original!.file));
        expect(original.equals(bytes)).toBe(true);
        const sha256 = createHash("sha256").update(bytes).digest("hex");
        expect(html).toContain(`<code class="hash">${sha256}</code>`);
      }
    }
  });
});

describe("publishing the original captures", () => {
  it("is off unless the site turns it on", () => {
    expect(readSettings({ CASEFILE_SITE: sampleSite }, []).publishOriginals).toBe(false);
    const own = copySite(sampleSite);
    writeFileSync(
      join(own, "casefile.config.yaml"),
      "title: Lab\npublish_original_captures: true\n",
    );
    expect(readSettings({ CASEFILE_SITE: own }, []).publishOriginals).toBe(true);
    expect(
      readSettings({ CASEFILE_SITE: sampleSite, CASEFILE_PUBLISH_ORIGINALS: "1" }, [])
        .publishOriginals,
    ).toBe(true);
    expect(
      captureFiles(sampleSite, ["2017-venezuela/presstv-binary-guardians.txt"], false, "x"),
    ).toEqual([
      {
        capture: "2017-venezuela/presstv-binary-guardians.txt",
        text: "captures/text/2017-venezuela/presstv-binary-guardians.txt.txt",
      },
    ]);
  });

  it("publishes a saved page under a name no browser opens as a page of the site", () => {
    expect(captureOriginalFile("a/page.html")).toBe("captures/original/a/page.html.bin");
    expect(captureOriginalFile("a/page.MHTML")).toBe("captures/original/a/page.MHTML.bin");
    expect(captureOriginalFile("a/page.svg")).toBe("captures/original/a/page.svg.bin");
    expect(captureOriginalFile("a/page.txt")).toBe("captures/original/a/page.txt");
    expect(captureOriginalFile("a/report.pdf")).toBe("captures/original/a/report.pdf");
  });
});
