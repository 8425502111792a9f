import { readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { checkLinks } from "../../src/lib/urls/link-check.ts";
import { buildInProject } from "../helpers/browser.ts";
import { listFiles, readPages } from "../helpers/build-site.ts";

const base = "/casefile/";
const incidents = [
  "2017-venezuela-binary-guardians-defacement",
  "2021-bolivia-oep-results-site-intrusion",
  "2024-venezuela-cne-election-ddos",
];

let outDir: string;
let files: string[];
const read = (file: string) => readFileSync(join(outDir, file), "utf8");

beforeAll(() => {
  outDir = buildInProject(base).outDir;
  files = listFiles(outDir);
});

/** Every URL a file would load from another origin (links to read elsewhere, `<a href>`, excepted). */
function externalLoads(file: string, text: string): string[] {
  const other = /^(?:[a-z][a-z0-9+.-]*:)?\/\/(?!127\.0\.0\.1)/i;
  const found: string[] = [];
  if (file.endsWith(".html")) {
    const html = text.replace(/<svg\b[\s\S]*?<\/svg>/g, "");
    for (const match of html.matchAll(/<(script|link|img|iframe|source|video|audio)\b[^>]*>/gi)) {
      const element = match[0];
      if (/^<link\b/i.test(element) && /\srel="(?:canonical|alternate)"/.test(element)) continue;
      for (const url of element.matchAll(/\s(?:src|href|srcset|poster)="([^"]*)"/g)) {
        if (other.test(url[1] ?? "")) found.push(`${file}: ${element}`);
      }
    }
  }
  if (file.endsWith(".css") || file.endsWith(".html")) {
    for (const match of text.matchAll(/(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)/g)) {
      if (other.test(match[1] ?? "")) found.push(`${file}: ${match[0]}`);
    }
  }
  if (file.endsWith(".js")) {
    for (const match of text.matchAll(/\b(?:fetch|importScripts|import)\(\s*[`'"]([^`'"]*)/g)) {
      if (other.test(match[1] ?? "")) found.push(`${file}: ${match[0]}`);
    }
  }
  return found;
}

describe("offline reading and search in the built site", () => {
  it("loads nothing from another origin: no script, style, image, frame, CSS url() or JS fetch", () => {
    const texts = files.filter((file) => /\.(?:html|css|js)$/.test(file));
    expect(texts.some((file) => file.startsWith("pagefind/"))).toBe(true);
    expect(texts.flatMap((file) => externalLoads(file, read(file)))).toEqual([]);
    // The check itself catches what it is meant to.
    expect(
      externalLoads("a.html", '<script src="https://cdn.example/x.js"></script>'),
    ).toHaveLength(1);
    expect(externalLoads("a.css", "@import 'https://fonts.example/a.css';")).toHaveLength(1);
    expect(externalLoads("a.js", 'fetch("https://api.example/")')).toHaveLength(1);
  });

  it("writes a service worker and a web app manifest scoped to the base path", () => {
    const worker = read("sw.js");
    expect(worker).toContain(`${base}index.html`);
    expect(worker).toContain(`${base}404.html`);
    expect(worker).toMatch(/offline-manifest\.json\?v=[0-9a-f]{16}/);
    expect(worker).not.toMatch(/importScripts\(/);
    const manifest = JSON.parse(read("manifest.webmanifest"));
    expect(manifest).toMatchObject({
      start_url: base,
      scope: base,
      display: "standalone",
      short_name: "Casefile",
    });
    expect(manifest.icons).toEqual([
      expect.objectContaining({ src: `${base}favicon.svg`, type: "image/svg+xml", sizes: "any" }),
    ]);
    const page = read("index.html");
    expect(page).toContain(`<link rel="manifest" href="${base}manifest.webmanifest">`);
  });

  it("lists every page and file for the save button, but not the zip or the worker", () => {
    const manifest = JSON.parse(read("offline-manifest.json")) as {
      base: string;
      cache: string;
      urls: string[];
    };
    expect(manifest.base).toBe(base);
    for (const id of incidents) {
      expect(manifest.urls).toContain(`${base}incidents/${id}/`);
      expect(manifest.urls).toContain(`${base}incidents/${id}/dossier.html`);
    }
    expect(manifest.urls).toContain(base);
    expect(manifest.urls).toContain(`${base}search/`);
    expect(manifest.urls.filter((url) => url.endsWith(".css")).length).toBeGreaterThan(0);
    expect(
      manifest.urls.filter(
        (url) => url.endsWith("index.html") || url.endsWith(".zip") || url.endsWith("sw.js"),
      ),
    ).toEqual([]);
    expect(
      manifest.urls.every(
        (url) =>
          files.includes(url.slice(base.length) || "index.html") ||
          files.includes(`${url.slice(base.length)}index.html`),
      ),
    ).toBe(true);
  });

  it("zips the site with sorted entries whose internal links are relative and resolve inside the zip", () => {
    const entries = unzipSync(new Uint8Array(readFileSync(join(outDir, "casefile-offline.zip"))));
    const names = Object.keys(entries);
    expect(names).toEqual([...names].sort());
    expect(names.every((name) => name.startsWith("casefile/"))).toBe(true);
    const inside = new Set(names.map((name) => name.slice("casefile/".length)));
    for (const id of incidents) expect(inside.has(`incidents/${id}/index.html`)).toBe(true);
    expect([...inside].some((name) => name.startsWith("pagefind/") || name === "sw.js")).toBe(
      false,
    );
    const decoder = new TextDecoder();
    for (const name of names.filter((entry) => entry.endsWith("/index.html"))) {
      const html = decoder.decode(entries[name]);
      expect(html, name).not.toMatch(/<script\b[^>]*\ssrc=/);
      const links = [...html.matchAll(/\s(?:href|src|action)="([^"#][^"]*)"/g)].map(
        (match) => match[1] ?? "",
      );
      for (const link of links.filter((url) => !/^[a-z][a-z0-9+.-]*:/i.test(url))) {
        expect(link, `${name}: ${link}`).not.toMatch(/^\//);
        const path = link.replace(/[?#].*$/, "");
        const resolved = new URL(path, `file:///${name.slice("casefile/".length)}`).pathname.slice(
          1,
        );
        expect(inside.has(decodeURIComponent(resolved)), `${name}: ${link}`).toBe(true);
        if (!/\.[a-z0-9]+$/i.test(path)) throw new Error(`${name}: ${link} has no file name`);
      }
    }
  });

  it("links each dossier in the zip to the copies beside it, not to the site, for every file the zip carries", () => {
    const entries = unzipSync(new Uint8Array(readFileSync(join(outDir, "casefile-offline.zip"))));
    const inside = new Set(Object.keys(entries).map((name) => name.slice("casefile/".length)));
    const site = `https://example.org${base}`;
    const decoder = new TextDecoder();
    for (const id of incidents) {
      const name = `incidents/${id}/dossier.html`;
      const html = decoder.decode(entries[`casefile/${name}`]);
      const links = [...html.matchAll(/<[a-z]+\b[^>]*\s(?:href|src|action)="([^"]*)"[^>]*>/g)]
        .filter(([element]) => !/\srel="canonical"/.test(element))
        .map((match) => match[1] ?? "");
      const toSite = links.filter((url) => url.startsWith(site));
      // What still points at the site is only what the zip leaves out (the zip itself).
      const carried = toSite.filter((url) => {
        const path = decodeURIComponent(new URL(url).pathname.slice(base.length));
        return (
          inside.has(path) || inside.has(`${path}index.html`) || inside.has(`${path}/index.html`)
        );
      });
      expect(carried, name).toEqual([]);
      expect(toSite, name).toEqual([`${site}casefile-offline.zip`]);
      // The relative links resolve inside the zip, and the web dossier's links were absolute.
      const relative = links.filter((url) => !/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(url));
      expect(relative.length, name).toBeGreaterThan(15);
      for (const url of relative) {
        const path = new URL(url.replace(/[?#].*$/, ""), `file:///${name}`).pathname.slice(1);
        expect(inside.has(decodeURIComponent(path)), `${name}: ${url}`).toBe(true);
      }
      expect(read(name).match(new RegExp(`"${site}`, "g"))?.length ?? 0).toBeGreaterThan(15);
      expect(html).toContain(`<link rel="canonical" href="${site}incidents/${id}/">`);
    }
  });

  it("writes one self-contained dossier per incident, linked from its page", () => {
    for (const id of incidents) {
      expect(read(`incidents/${id}/index.html`)).toContain(
        `href="${base}incidents/${id}/dossier.html"`,
      );
      const dossier = read(`incidents/${id}/dossier.html`);
      expect(dossier).toContain("<style>");
      expect(dossier).toMatch(/<svg[^>]*role="img"/);
      expect(dossier).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
      expect(dossier).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
      expect(dossier).not.toMatch(/\s(?:href|src|action)="\//);
      expect(dossier).toContain(`href="https://example.org${base}incidents/${id}/sources/"`);
    }
  });

  it("indexes incidents (source texts included) and outlets for search, not processing reports, with country, type and year filters", () => {
    expect(files).toContain("pagefind/casefile-bridge.js");
    expect(files.some((file) => /^pagefind\/\d+\/pagefind\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /^pagefind\/\d+\/fragment\//.test(file))).toBe(true);
    const incident = read("incidents/2024-venezuela-cne-election-ddos/index.html");
    expect(incident).toMatch(/<main id="main" data-pagefind-body/);
    expect(incident).toContain('<span data-pagefind-filter="country">Venezuela</span>');
    expect(incident).toContain('<span data-pagefind-filter="year">2024</span>');
    expect(read("outlets/mision-verdad/index.html")).toContain("data-pagefind-body");
    expect(read("index.html")).not.toContain("data-pagefind-body");
    expect(read("incidents/2024-venezuela-cne-election-ddos/sources/index.html")).not.toContain(
      "data-pagefind-body",
    );
    const search = read("search/index.html");
    expect(search).toContain('name="q"');
    expect(search).toContain('value="Bolivia"');
    expect(read("index.html")).toMatch(new RegExp(`<form[^>]*action="${base}search/"`));
  });

  it("keeps every internal link of every page resolving, the zip and dossier links included", () => {
    expect(checkLinks(readPages(outDir), new Set(files), base)).toEqual([]);
  });
});
