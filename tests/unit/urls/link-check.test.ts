import { describe, expect, it } from "vitest";
import { checkLinks } from "../../../src/lib/urls/link-check.ts";

const files = new Set(["index.html", "outlets/a/index.html"]);

/** The broken links of a one-page site whose home page holds these links. */
function brokenIn(...hrefs: string[]) {
  const html = `<p id="top">${hrefs.map((href) => `<a href="${href}">x</a>`).join("")}</p>`;
  return checkLinks(new Map([["index.html", html]]), files, "/");
}

describe("checkLinks", () => {
  it("accepts links to pages, encoded or not, and to ids on them", () => {
    expect(brokenIn("/outlets/a/", "/outlets/%61/", "/#top")).toEqual([]);
  });

  it("reports a malformed percent-escape as a broken link, not a crash", () => {
    expect(brokenIn("/outlets/%zz/", "/outlets/raid%casualties.csv", "/#%E0%A4%A")).toEqual([
      { page: "index.html", href: "/outlets/%zz/", reason: "a malformed percent-escape" },
      {
        page: "index.html",
        href: "/outlets/raid%casualties.csv",
        reason: "a malformed percent-escape",
      },
      { page: "index.html", href: "/#%E0%A4%A", reason: "a malformed percent-escape" },
    ]);
  });
});
