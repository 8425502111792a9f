import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { checkLinks } from "../../src/lib/urls/link-check.ts";
import {
  buildSite,
  listFiles,
  sampleSite,
  readPages,
  type BuildRun,
} from "../helpers/build-site.ts";

const samples = [
  "2024-venezuela-cne-election-ddos",
  "2021-bolivia-oep-results-site-intrusion",
  "2017-venezuela-binary-guardians-defacement",
];
const outletIds = (
  parse(readFileSync(join(sampleSite, "data/outlets.yaml"), "utf8")) as { id: string }[]
).map((outlet) => outlet.id);

let build: BuildRun;
let pages: Map<string, string>;
let files: string[];

beforeAll(() => {
  build = buildSite({ base: "/casefile/" });
  if (build.status !== 0)
    throw new Error(`build failed:\n${build.stderr}\n${build.stdout.slice(-3000)}`);
  pages = readPages(build.outDir);
  files = listFiles(build.outDir);
});

/** The HTML of a built page. */
function page(path: string): string {
  const html = pages.get(path);
  if (html === undefined) throw new Error(`no page ${path}`);
  return html;
}

describe("the sample site built under /casefile/", () => {
  it("writes the home page, the 404 page, every incident and every outlet", () => {
    expect(files).toContain("index.html");
    expect(files).toContain("404.html");
    for (const id of samples) expect(files).toContain(`incidents/${id}/index.html`);
    for (const id of outletIds) expect(files).toContain(`outlets/${id}/index.html`);
    expect(files).toContain(".nojekyll");
  });

  it("names the licence of samples/casefile.config.yaml on every page and in the citations", () => {
    const license = "https://creativecommons.org/licenses/by/4.0/";
    for (const [path, html] of pages)
      if (!html.includes('http-equiv="refresh"'))
        expect(html, path).toContain(`Licence: <a rel="license" href="${license}">CC BY 4.0</a>`);
    for (const id of samples) {
      const html = page(`incidents/${id}/index.html`);
      expect(html).toContain(`<meta name="DC.rights" content="${license}"`);
      expect(html).toContain(`"license":"${license}"`);
      const csl = JSON.parse(
        readFileSync(join(build.outDir, `incidents/${id}/cite.json`), "utf8"),
      ) as {
        license?: string;
      }[];
      expect(csl[0]?.license).toBe(license);
    }
  });

  it("prefixes every internal href and src with the base path, and each resolves to a file and anchor", () => {
    const broken = checkLinks(pages, new Set(files), "/casefile/");
    expect(broken).toEqual([]);
    const internal = [...pages.values()].flatMap((html) =>
      [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1] ?? ""),
    );
    expect(internal.length).toBeGreaterThan(50);
    expect(internal.filter((href) => !href.startsWith("/casefile/"))).toEqual([]);
  });

  it("rewrites root-relative links written in Markdown", () => {
    const prose = samples
      .map((id) => page(`incidents/${id}/index.html`).split('class="prose"')[1] ?? "")
      .join("");
    const links = [...prose.matchAll(/href="(\/[^"]*)"/g)].map((match) => match[1] ?? "");
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href.startsWith("/casefile/"))).toBe(true);
  });

  it("lists the incidents newest first on the home page with their source counts", () => {
    const html = page("index.html");
    const order = samples.map((id) => html.indexOf(`/casefile/incidents/${id}/`));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("shows facts, the write-up, the timeline and the sources on an incident page", () => {
    const html = page("incidents/2024-venezuela-cne-election-ddos/index.html");
    expect(html).toContain('<dl class="facts">');
    expect(html).toMatch(/<dt[^>]*>Period<\/dt>/);
    expect(html).toMatch(/<dt[^>]*>Attribution claimed<\/dt>/);
    expect(html).toContain("<caption>Timeline of events</caption>");
    expect(html).toMatch(/id="source-[a-z0-9-]+"/);
    expect(html).toMatch(/<h2[^>]*>/);
  });

  it("shows the Bolivian article's HTML, MHTML and WACZ captures with hash, URL and capture time, as one document with its text copy", () => {
    const id = "2021-bolivia-oep-results-site-intrusion";
    const sha = (file: string) =>
      createHash("sha256")
        .update(readFileSync(join(sampleSite, "data/archives/2021-bolivia", file)))
        .digest("hex");
    const url =
      "https://www.telesurenglish.net/news/Bolivia-Electoral-Body-Reports-Cyber-Intrusion-From-Abroad-During-Count-20210310-0004.html";
    for (const path of [`incidents/${id}/index.html`, `incidents/${id}/sources/index.html`]) {
      const html = page(path);
      for (const [file, format, time] of [
        ["telesur-oep-intrusion.html", "HTML page", "10 March 2021, 21:14 (UTC)"],
        ["telesur-oep-intrusion.mhtml", "MHTML page", "10 March 2021, 21:20 (UTC)"],
        ["telesur-oep-intrusion.wacz", "WACZ web archive", "10 March 2021, 21:25 (UTC)"],
      ] as const) {
        const hash = sha(file);
        expect(html, `${path}: ${file}`).toContain(
          `${format} · ${(readFileSync(join(sampleSite, "data/archives/2021-bolivia", file)).length / 1000).toFixed(1)} KB · SHA-256 <code class="hash" title="${hash}">${hash.slice(0, 12)}…</code>`,
        );
        expect(html).toContain(`<code>${hash}</code>`);
        expect(html).toContain(time);
      }
      expect(html).toContain(`<span class="capture-url">${url}</span>`);
    }
    // One document, found in the text capture and the three saved copies.
    expect(page(`incidents/${id}/index.html`)).toContain("found in 4 copies");
    const sources = JSON.parse(
      readFileSync(join(build.outDir, `incidents/${id}/sources.json`), "utf8"),
    ) as {
      captures: {
        path: string;
        format: string;
        sha256: string;
        url: string | null;
        capturedAt: string | null;
      }[];
    };
    expect(
      sources.captures.map((capture) => [capture.path, capture.format, capture.capturedAt]),
    ).toEqual([
      ["2021-bolivia/telesur-es-oep-intrusion.txt", "text", null],
      ["2021-bolivia/telesur-oep-intrusion.html", "html", "2021-03-10T21:14:03.000Z"],
      ["2021-bolivia/telesur-oep-intrusion.mhtml", "mhtml", "2021-03-10T21:20:11.000Z"],
      ["2021-bolivia/telesur-oep-intrusion.txt", "text", null],
      ["2021-bolivia/telesur-oep-intrusion.wacz", "wacz", "2021-03-10T21:25:40.000Z"],
    ]);
  });

  it("counts a relay and the government's outlets as one origin each, and shows why", () => {
    const id = "2024-venezuela-cne-election-ddos";
    const json = JSON.parse(
      readFileSync(join(build.outDir, `incidents/${id}/sources.json`), "utf8"),
    ) as {
      claims: {
        id: string;
        asserts: { summary: string; traces: { origin: string; paths: { text: string }[] }[] };
      }[];
      origins: { sources: string[]; reasons: { kind: string; affiliation: string | null }[] }[];
    };
    const czech = json.claims.find((claim) => claim.id === "sources-czech-republic-south-africa");
    expect(czech?.asserts.summary).toBe("2 outlets · 1 independent origin");
    expect(czech?.asserts.traces.map((trace) => trace.paths.map((path) => path.text))).toEqual([
      ["team-cymru-analysis", "unattributed-cymru-writeup → based on → team-cymru-analysis"],
    ]);
    const government = json.origins.find((origin) =>
      origin.sources.includes("cne-second-bulletin"),
    );
    expect(government?.sources).toEqual([
      "cne-second-bulletin",
      "maduro-statement",
      "attorney-general-statement",
    ]);
    expect(government?.reasons.map((reason) => [reason.kind, reason.affiliation])).toEqual([
      ["affiliation", "government-of-venezuela"],
      ["affiliation", "government-of-venezuela"],
    ]);
    const html = page(`incidents/${id}/index.html`);
    expect(html).toMatch(
      /unattributed-cymru-writeup<\/a> reports the findings of <a[^>]*>team-cymru-analysis</,
    );
    expect(html).toContain("answers to the same controlling party as");
    expect(html).toContain("unattributed-cymru-writeup → based on → team-cymru-analysis");
  });

  it("shows teleSUR's English article as a translation of its Spanish original, one origin", () => {
    const html = page("incidents/2021-bolivia-oep-results-site-intrusion/index.html");
    expect(html).toContain("telesur-oep-intrusion → translation of → telesur-es-oep-intrusion");
    expect(html).toMatch(/telesur-oep-intrusion<\/a> translates <a[^>]*>telesur-es-oep-intrusion</);
  });

  it("lists every source of an outlet on its page", () => {
    const html = page("outlets/mision-verdad/index.html");
    expect(html).toContain("/casefile/incidents/2024-venezuela-cne-election-ddos/#source-");
  });

  it("makes no request to another origin", () => {
    for (const [path, page] of pages) {
      // Canonical and alternate links name URLs; they load nothing.
      const html = page.replace(/<link rel="(?:canonical|alternate)"[^>]*>/g, "");
      const external = [
        ...html.matchAll(
          /<(?:script|link|img|iframe|source)\b[^>]*\s(?:src|href)="((?:https?:)?\/\/[^"]*)"/g,
        ),
      ];
      expect(external.map((match) => `${path}: ${match[1]}`)).toEqual([]);
    }
  });
});
