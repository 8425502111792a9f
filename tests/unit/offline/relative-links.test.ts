import { describe, expect, it } from "vitest";
import {
  offlinePage,
  offlineStylesheet,
  relativePath,
  relativeUrl,
} from "../../../src/lib/offline/relative-links.ts";

const files = new Set([
  "index.html",
  "incidents/a/index.html",
  "incidents/a/data/events.csv",
  "outlets/b/index.html",
  "_astro/Base.x.css",
  "favicon.svg",
]);
const options = { base: "/casefile/", files, origin: "https://example.org" };

describe("relative links for the offline copy", () => {
  it("walks up and down between files", () => {
    expect(relativePath("incidents/a/index.html", "outlets/b/index.html")).toBe(
      "../../outlets/b/index.html",
    );
    expect(relativePath("index.html", "incidents/a/index.html")).toBe("incidents/a/index.html");
    expect(relativePath("incidents/a/index.html", "index.html")).toBe("../../index.html");
    expect(relativePath("incidents/a/index.html", "incidents/a/data/events.csv")).toBe(
      "data/events.csv",
    );
  });

  it("points a link with a malformed percent-escape to the site instead of failing", () => {
    expect(relativeUrl("/casefile/outlets/%zz/", "index.html", options)).toBe(
      "https://example.org/casefile/outlets/%zz/",
    );
    expect(
      relativeUrl("/casefile/incidents/a/data/raid%casualties.csv", "index.html", options),
    ).toBe("https://example.org/casefile/incidents/a/data/raid%casualties.csv");
  });

  it("ends page links in index.html and keeps fragments", () => {
    expect(relativeUrl("/casefile/", "incidents/a/index.html", options)).toBe("../../index.html");
    expect(relativeUrl("/casefile/incidents/a/#source-x", "outlets/b/index.html", options)).toBe(
      "../../incidents/a/index.html#source-x",
    );
    expect(relativeUrl("/casefile/incidents/a/#claim-y", "incidents/a/index.html", options)).toBe(
      "#claim-y",
    );
    expect(relativeUrl("/casefile/search/?q=x", "index.html", options)).toBe(
      "https://example.org/casefile/search/?q=x",
    );
  });

  it("leaves external, relative and fragment links alone", () => {
    for (const url of [
      "https://example.com/x",
      "#top",
      "mailto:a@b.c",
      "../x",
      "//cdn.example/x",
    ]) {
      expect(relativeUrl(url, "index.html", options)).toBe(url);
    }
  });

  it("rewrites a page: links, srcset, forms, and drops module scripts and left-out <link>s", () => {
    const html =
      '<link rel="stylesheet" href="/casefile/_astro/Base.x.css"><link rel="manifest" href="/casefile/manifest.webmanifest">' +
      '<script type="module" src="/casefile/_astro/s.js"></script><script type="module">inline()</script>' +
      '<a href="/casefile/outlets/b/">B</a><img srcset="/casefile/favicon.svg 1x, /casefile/favicon.svg 2x" alt="">' +
      "<style>a{background:url(/casefile/favicon.svg)}</style>";
    const page = offlinePage(html, "incidents/a/index.html", options);
    expect(page).toContain('<link rel="stylesheet" href="../../_astro/Base.x.css">');
    expect(page).not.toContain("manifest");
    expect(page).not.toContain("s.js");
    expect(page).toContain('<script type="module">inline()</script>');
    expect(page).toContain('<a href="../../outlets/b/index.html">B</a>');
    expect(page).toContain('srcset="../../favicon.svg 1x, ../../favicon.svg 2x"');
    expect(page).toContain("url(../../favicon.svg)");
  });

  it("rewrites url() and @import of a style sheet", () => {
    const css =
      "@import '/casefile/_astro/Base.x.css'; a { background: url(\"/casefile/favicon.svg\") }";
    expect(offlineStylesheet(css, "_astro/other.css", options)).toBe(
      "@import 'Base.x.css'; a { background: url(\"../favicon.svg\") }",
    );
  });
});
