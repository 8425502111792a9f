import { describe, expect, it } from "vitest";
import { readPages } from "../helpers/build-site.ts";
import { buildInProject } from "../helpers/browser.ts";

/** The directives of a page's Content-Security-Policy meta, by name. */
function policyOf(html: string): Map<string, string[]> | undefined {
  const content = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html)?.[1];
  if (content === undefined) return undefined;
  return new Map(
    content
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe("the Content-Security-Policy of the sample site", () => {
  const pages = readPages(buildInProject("/").outDir);

  it("is on every HTML page, with no inline script allowed beyond Astro's hashes and no other origin", () => {
    expect(pages.size).toBeGreaterThan(10);
    let astroPages = 0;
    for (const [page, html] of pages) {
      if (html.includes('http-equiv="refresh"')) continue; // redirect pages carry no script
      const policy = policyOf(html);
      expect(policy, `${page} has no CSP meta`).toBeDefined();
      const effective = (name: string) => policy!.get(name) ?? policy!.get("default-src") ?? [];
      // Scripts: never inline beyond hashes, never eval, never another origin.
      expect(effective("script-src").join(" "), page).not.toMatch(
        /'unsafe-inline'|'unsafe-eval'|\*|https?:|data:/,
      );
      expect(effective("script-src-attr"), page).not.toContain("'unsafe-inline'");
      for (const name of ["default-src", "connect-src", "object-src", "base-uri"]) {
        expect(effective(name).join(" "), `${page} ${name}`).toMatch(/^'(?:self|none)'$/);
      }
      expect(effective("img-src").join(" "), page).not.toMatch(/\*|https?:/);
      // The offline dossier pages carry their own stricter policy (no script at all).
      if (!policy!.has("script-src")) {
        expect(policy!.get("default-src"), page).toEqual(["'none'"]);
        continue;
      }
      astroPages++;
      expect(policy!.get("script-src"), page).toContain("'self'");
      expect(policy!.get("default-src"), page).toEqual(["'self'"]);
      expect(policy!.get("object-src"), page).toEqual(["'none'"]);
      expect(policy!.get("img-src"), page).toEqual(["'self'", "data:"]);
      expect(policy!.get("form-action"), page).toEqual(["'self'"]);
    }
    expect(astroPages).toBeGreaterThan(10);
  });

  it("hashes every executable inline script of a page", () => {
    for (const [page, html] of pages) {
      const policy = policyOf(html);
      if (!policy) continue;
      const hashes = (policy.get("script-src") ?? []).filter((value) => value.startsWith("'sha"));
      const inline = [
        ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>/g),
      ];
      if (inline.length > 0) expect(hashes.length, page).toBeGreaterThan(0);
    }
  });
});
