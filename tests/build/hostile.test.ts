import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { readPages } from "../helpers/build-site.ts";
import { buildHostile } from "../helpers/hostile.ts";
import { edit } from "../helpers/site-copy.ts";

describe("the hostile fixture site", () => {
  const run = buildHostile();
  const pages = readPages(run.outDir);

  it("builds", () => {
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
  });

  it("prints every payload as text, escaped", () => {
    const incident = pages.get("incidents/2020-example-ddos/index.html") ?? "";
    expect(incident).toContain(
      "Flood &lt;/title&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt; on the portal",
    );
    expect(incident).toContain("&lt;img src=x onerror=");
    expect(incident).toContain("Restored &lt;/script&gt;&lt;script&gt;fetch(");
    expect(incident).toContain(
      "&lt;/style&gt;&lt;/svg&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt;",
    );
    expect(incident).toContain(
      "Portal slowed by traffic flood &lt;script&gt;window.__pwned = 1&lt;/script&gt;",
    );
    const outlet = pages.get("outlets/example-news/index.html") ?? "";
    expect(outlet).toContain(
      "Rationale &lt;/style&gt;&lt;/script&gt;&lt;script&gt;window.__pwned = 1&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;",
    );
  });

  it("adds no script, event handler, frame or javascript: URL to any page", () => {
    expect(pages.size).toBeGreaterThan(4);
    for (const [page, html] of pages) {
      const { document } = parseHTML(html);
      for (const script of document.querySelectorAll("script")) {
        const type = script.getAttribute("type");
        if (type === "application/ld+json") {
          expect(script.textContent, page).not.toContain("<");
          expect(() => JSON.parse(script.textContent) as unknown, page).not.toThrow();
        } else {
          expect(type, page).toBe("module");
          expect(script.textContent, page).not.toContain("__pwned");
        }
      }
      for (const element of document.querySelectorAll("*")) {
        const handlers = [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => attribute.name);
        expect(handlers, `${page}: <${element.localName}>`).toEqual([]);
        for (const name of ["href", "src", "action", "formaction", "xlink:href"]) {
          expect(
            element.getAttribute(name) ?? "",
            `${page}: <${element.localName} ${name}>`,
          ).not.toMatch(/^\s*(?:javascript|vbscript|data:(?!image\/))/i);
        }
      }
      expect(
        document.querySelectorAll("iframe, object, embed, img[src='x'], base").length,
        page,
      ).toBe(0);
    }
  });

  it("refuses javascript: URLs in data with a clear error", () => {
    const bad = buildHostile((site) => {
      edit(site, "data/outlets.yaml", /homepage: .*/, 'homepage: "javascript:window.__pwned = 1"');
      edit(
        site,
        "data/incidents/2020-example-ddos/sources.yaml",
        /url: .*/,
        "url: javascript:alert(1)",
      );
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    const errors = bad.stderr.split("\n").filter((line) => line.startsWith("error:"));
    expect(errors).toHaveLength(2);
    expect(errors.join("\n")).toMatch(
      /data\/outlets\.yaml:5: \[0\]\.homepage: .*Hint: write the full address, starting with https:\/\//,
    );
    expect(errors.join("\n")).toMatch(
      /sources\.yaml:8: sources\[0\]\.url: .*Hint: write the full address, starting with https:\/\//,
    );
  });
});
