import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { validateStix } from "../../src/lib/cite/stix.ts";
import { buildSite, listFiles, type BuildRun } from "../helpers/build-site.ts";
import { zoteroItem } from "../helpers/zotero-embedded-metadata.ts";

const samples = [
  "2024-venezuela-cne-election-ddos",
  "2021-bolivia-oep-results-site-intrusion",
  "2017-venezuela-binary-guardians-defacement",
];

/** Decodes the entities Astro writes in attribute values. */
function unescapeHtml(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

let first: BuildRun;
let second: BuildRun;
const read = (file: string) => readFileSync(join(first.outDir, file), "utf8");

beforeAll(() => {
  first = buildSite({ base: "/casefile/" });
  second = buildSite({ base: "/casefile/" });
  if (first.status !== 0 || second.status !== 0)
    throw new Error(`build failed:\n${first.stderr}\n${second.stderr}`);
});

describe("citations and exports of the sample site", () => {
  it.each(samples)("%s carries the citation meta tags, canonical link and JSON-LD", (id) => {
    const html = read(`incidents/${id}/index.html`);
    for (const name of [
      "citation_title",
      "citation_author",
      "citation_publication_date",
      "citation_online_date",
      "citation_technical_report_institution",
      "citation_technical_report_number",
      "citation_fulltext_html_url",
      "DC.title",
      "DC.creator",
    ]) {
      expect(html).toContain(`<meta name="${name}" content=`);
    }
    expect(html).toMatch(/<meta name="citation_publication_date" content="\d{4}\/\d{2}\/\d{2}">/);
    expect(html).toContain(
      `<link rel="canonical" href="https://example.org/casefile/incidents/${id}/">`,
    );
    expect(html).toContain('<meta property="og:title"');
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? "";
    expect(JSON.parse(jsonLd)).toMatchObject({ "@type": "Report" });
    expect(html).toContain('id="cite-this"');
  });

  it.each(samples)("%s is saved by Zotero as a numbered report by a group author", (id) => {
    expect(zoteroItem(read(`incidents/${id}/index.html`))).toMatchObject({
      itemType: "report",
      creators: [{ creatorType: "author", name: "Casefile sample team" }],
      reportType: "Incident dossier",
      reportNumber: id,
      institution: "Casefile",
    });
  });

  it.each(samples)(
    "%s has a BibTeX entry dated in full and an RIS record with its whole id",
    (id) => {
      const bibtex = read(`incidents/${id}/cite.bib`);
      expect(bibtex).toMatch(/\n\tdate = \{\d{4}-\d{2}-\d{2}\},\n/);
      expect(bibtex).not.toMatch(/\bmonth = /);
      expect(bibtex).toContain("\tauthor = {{Casefile sample team}},\n");
      const ris = read(`incidents/${id}/cite.ris`);
      expect(ris).toContain(`\nID  - ${id}\n`);
      expect(ris).toMatch(/\nDA {2}- \d{4}\/\d{2}\/\d{2}\/\n/);
      expect(ris).toContain("\nAU  - Casefile sample team\n");
    },
  );

  it.each(samples)("%s has cite files that parse back with citation-js", (id) => {
    const title = /<meta name="citation_title" content="([^"]*)">/.exec(
      read(`incidents/${id}/index.html`),
    )?.[1];
    const bibtex = read(`incidents/${id}/cite.bib`);
    expect(bibtex).toMatch(/^@techreport\{/);
    const ris = read(`incidents/${id}/cite.ris`);
    expect(ris).toMatch(/^TY {2}- RPRT/);
    for (const text of [bibtex, ris, read(`incidents/${id}/cite.json`)]) {
      const [item] = new Cite(text).data as { title: string; type: string }[];
      expect(item?.type).toBe("report");
      expect(item?.title.replace(/[{}]/g, "")).toBe(unescapeHtml(title ?? ""));
    }
  });

  it.each(samples)("%s has a valid STIX 2.1 bundle and JSON exports", (id) => {
    const bundle = JSON.parse(read(`incidents/${id}/stix.json`));
    expect(validateStix(bundle)).toEqual([]);
    expect(bundle.objects.map((object: { type: string }) => object.type)).toContain("report");
    expect(JSON.parse(read(`incidents/${id}/index.json`))).toMatchObject({ id });
    expect(JSON.parse(read(`incidents/${id}/sources.json`)).sources.length).toBeGreaterThan(0);
  });

  it("names one publisher identity in the STIX bundles of all incidents", () => {
    const publishers = samples.map((id) => {
      const bundle = JSON.parse(read(`incidents/${id}/stix.json`)) as {
        objects: { type: string; id: string; name?: string; created_by_ref?: string }[];
      };
      const report = bundle.objects.find((object) => object.type === "report");
      return bundle.objects.find((object) => object.id === report?.created_by_ref);
    });
    expect(publishers[0]).toMatchObject({ type: "identity", name: "Casefile" });
    expect(publishers[1]).toEqual(publishers[0]);
    expect(publishers[2]).toEqual(publishers[0]);
  });

  it("writes an RSS 2.0 feed with a self link and its authors as dc:creator", () => {
    const feed = read("feed.xml");
    expect(feed).toContain(
      '<atom:link href="https://example.org/casefile/feed.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(feed.match(/<dc:creator>Casefile sample team<\/dc:creator>/g)).toHaveLength(3);
    expect(feed).not.toContain("<author>");
  });

  it("lists every incident in /incidents.json, the feed and the sitemap", () => {
    const all = JSON.parse(read("incidents.json")) as { incidents: { id: string }[] };
    expect(all.incidents.map((incident) => incident.id).sort()).toEqual([...samples].sort());
    const feed = read("feed.xml");
    const sitemap = read("sitemap-0.xml");
    for (const id of samples) {
      expect(feed).toContain(`https://example.org/casefile/incidents/${id}/`);
      expect(sitemap).toContain(`https://example.org/casefile/incidents/${id}/`);
    }
  });

  it("shows the North Macedonia claim asserted by more outlets than independent origins", () => {
    const sources = JSON.parse(read("incidents/2024-venezuela-cne-election-ddos/sources.json"));
    const claim = sources.claims.find(
      (entry: { id: string }) => entry.id === "attack-from-north-macedonia",
    );
    expect(claim.asserts.outlets).toBeGreaterThan(claim.asserts.origins);
    const chain = ["mision-verdad-article", "mintpress-republication", "mronline-republication"];
    const origins = new Set(
      sources.sources
        .filter((s: { id: string }) => chain.includes(s.id))
        .map((s: { origin: string }) => s.origin),
    );
    expect(origins.size).toBe(1);
  });

  it("builds byte-identical output twice", () => {
    const sums = (run: BuildRun) =>
      listFiles(run.outDir).map(
        (file) =>
          `${file} ${createHash("sha256")
            .update(readFileSync(join(run.outDir, file)))
            .digest("hex")}`,
      );
    const a = sums(first);
    expect(a.length).toBeGreaterThan(50);
    expect(sums(second)).toEqual(a);
  });
});
