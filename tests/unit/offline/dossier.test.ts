import { describe, expect, it } from "vitest";
import { selfContainedPage } from "../../../src/lib/offline/dossier.ts";
import { incidentFilters, searchFilters } from "../../../src/lib/offline/search-filters.ts";

describe("the self-contained dossier", () => {
  const html =
    '<head><meta http-equiv="content-security-policy" content="script-src \'self\'"><link rel="stylesheet" href="/c/_astro/a.css">' +
    '<link rel="icon" href="/c/favicon.svg" type="image/svg+xml"><link rel="sitemap" href="/c/sitemap-index.xml">' +
    '<link rel="canonical" href="https://example.org/c/incidents/x/"><script type="application/ld+json">{}</script></head>' +
    '<body><a href="/c/outlets/y/">Y</a><a href="#source-z">Z</a><svg role="img"></svg><script type="module">x()</script>' +
    '<script type="module" src="/c/_astro/s.js"></script></body>';
  const page = selfContainedPage(html, {
    stylesheet: (path) => (path === "/c/_astro/a.css" ? "body{color:red}" : undefined),
    favicon: "<svg></svg>",
    origin: "https://example.org",
  });

  it("inlines the style sheet and icon, drops scripts and loaded links", () => {
    expect(page).toContain("<style>body{color:red}</style>");
    expect(page).toContain('href="data:image/svg+xml,');
    expect(page).not.toContain("sitemap");
    expect(page).not.toContain("x()");
    expect(page).not.toContain("s.js");
    expect(page).toContain('<script type="application/ld+json">{}</script>');
    expect(page).toContain("default-src 'none'");
  });

  it("points internal links at the site and keeps fragments", () => {
    expect(page).toContain('<a href="https://example.org/c/outlets/y/">Y</a>');
    expect(page).toContain('<a href="#source-z">Z</a>');
    expect(page).toContain('<link rel="canonical" href="https://example.org/c/incidents/x/">');
  });
});

describe("search filters", () => {
  it("names countries and types in words and files incidents by start year", () => {
    const incident = {
      countries: ["VE"],
      types: ["data-leak"],
      period: { start: "2024-07-28T18:00:00-04:00" },
    };
    expect(incidentFilters(incident)).toEqual({
      country: ["Venezuela"],
      type: ["data leak"],
      year: ["2024"],
    });
    const filters = searchFilters([
      incident,
      { countries: ["BO"], types: ["ddos"], period: { start: "2021-03-07" } },
    ]);
    expect(filters.map((filter) => filter.values)).toEqual([
      ["Bolivia", "Venezuela"],
      ["data leak", "ddos"],
      ["2024", "2021"],
    ]);
  });
});
