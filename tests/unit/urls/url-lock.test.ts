import { describe, expect, it } from "vitest";
import { CasefileError } from "../../../src/lib/errors.ts";
import { exportFormats } from "../../../src/lib/exports/index.ts";
import { routes } from "../../../src/lib/urls/paths.ts";
import {
  compareLock,
  expandRedirects,
  readLock,
  redirectPage,
  redirectsFrom,
  writeLock,
} from "../../../src/lib/urls/url-lock.ts";

/** Every URL an incident publishes (its page, its processing report and its exports), sorted. */
function incidentPaths(id: string): string[] {
  return [
    routes.incident(id),
    routes.incidentSources(id),
    ...exportFormats.map((format) => routes.incidentExport(id, format.file)),
  ].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

describe("readLock and writeLock", () => {
  it("writes sorted, unique paths under a comment header, ending in a newline", () => {
    const text = writeLock([
      "/incidents/b/",
      "/",
      "/incidents/a/cite.bib",
      "/incidents/a/",
      "/incidents/b/",
    ]);
    const lines = text.split("\n");
    expect(lines[0]?.startsWith("# urls.lock")).toBe(true);
    expect(lines.filter((line) => !line.startsWith("#"))).toEqual([
      "/",
      "/incidents/a/",
      "/incidents/a/cite.bib",
      "/incidents/b/",
      "",
    ]);
    expect(text.endsWith("/incidents/b/\n")).toBe(true);
  });

  it("sorts by code unit, not by locale", () => {
    const body = writeLock(["/b", "/B", "/a", "/é", "/Z"])
      .split("\n")
      .filter((line) => line.startsWith("/"));
    expect(body).toEqual(["/B", "/Z", "/a", "/b", "/é"]);
  });

  it("reads back what it wrote, skipping comments and blank lines", () => {
    const paths = ["/", "/incidents/a/", "/incidents/a/cite.bib"];
    expect(readLock(writeLock(paths))).toEqual(paths);
    expect(readLock("# note\r\n\r\n/x/\r\n  /y/  \n/x/\n")).toEqual(["/x/", "/y/"]);
  });

  it("stops on a line that is not a site path, naming the line", () => {
    expect(() => readLock("# header\n/ok/\nincidents/x/\n")).toThrow(CasefileError);
    expect(() => readLock("# header\n/ok/\nincidents/x/\n")).toThrow(
      /^urls\.lock:3: "incidents\/x\/" is not a site path/,
    );
    expect(() => readLock("//evil.example/\n")).toThrow(/urls\.lock:1:/);
  });

  it.each([
    "/incidents/old/../../../x",
    "/incidents/./x/",
    "/a//b/",
    "/incidents/%2e%2e/x",
    "/a\\b",
  ])("refuses %s, which could name a file outside the site", (line) => {
    expect(() => readLock(`${line}\n`)).toThrow(/urls\.lock:1: .* is not a site path/);
  });
});

describe("redirectsFrom", () => {
  it("turns old ids and old incident paths into redirects to the incident page", () => {
    const redirects = redirectsFrom([
      {
        id: "2024-new-name",
        redirect_from: ["2024-old-name", "/incidents/older-name", "/incidents/oldest-name/"],
      },
      { id: "2024-other", redirect_from: [] },
    ]);
    expect([...redirects]).toEqual([
      ["/incidents/2024-old-name/", "/incidents/2024-new-name/"],
      ["/incidents/older-name/", "/incidents/2024-new-name/"],
      ["/incidents/oldest-name/", "/incidents/2024-new-name/"],
    ]);
  });

  it.each([
    "/../data/outlets.yaml",
    "/../../../pwned-by-redirect.html",
    "/index.html",
    "/incidents/2024-other/index.html",
    "/incidents/x/../../index.html",
    "/outlets/example-news/",
    "/reports/2024.html",
    "/incidents/%2e%2e/",
    "incidents/x/",
  ])("refuses %s, which is not an old incident page", (entry) => {
    expect(() => redirectsFrom([{ id: "a", redirect_from: [entry] }])).toThrow(
      /is neither an old incident id nor an old incident path/,
    );
  });

  it("refuses entries that are not ids or paths, live pages, and paths claimed twice", () => {
    expect(() =>
      redirectsFrom([{ id: "a", redirect_from: ["https://old.example/incidents/x/"] }]),
    ).toThrow(
      /content\/incidents\/a\.mdx: redirect_from\[0\]: "https:\/\/old\.example\/incidents\/x\/" is neither an old incident id nor an old incident path/,
    );
    expect(() =>
      redirectsFrom([
        { id: "a", redirect_from: ["b"] },
        { id: "b", redirect_from: [] },
      ]),
    ).toThrow(/\/incidents\/b\/ is a current incident's page/);
    expect(() => redirectsFrom([{ id: "a", redirect_from: ["a"] }])).toThrow(CasefileError);
    expect(() =>
      redirectsFrom([
        { id: "a", redirect_from: ["old"] },
        { id: "b", redirect_from: ["/incidents/old/"] },
      ]),
    ).toThrow(/redirect_from\[0\]: \/incidents\/old\/ already redirects to incident "a"/);
  });
});

describe("expandRedirects", () => {
  it("redirects the locked paths beneath an old page to the same paths beneath the new one", () => {
    const locked = [...incidentPaths("old"), "/incidents/older/", "/incidents/oldest/"];
    const expanded = expandRedirects(new Map([["/incidents/old/", "/incidents/new/"]]), locked);
    expect([...expanded]).toEqual(
      incidentPaths("old").map((path) => [path, path.replace("/old/", "/new/")]),
    );
  });

  it("follows an incident renamed twice to its final path", () => {
    const expanded = expandRedirects(
      new Map([
        ["/incidents/first/", "/incidents/second/"],
        ["/incidents/second/", "/incidents/third/"],
      ]),
      ["/incidents/first/cite.bib"],
    );
    expect(expanded.get("/incidents/first/")).toBe("/incidents/third/");
    expect(expanded.get("/incidents/first/cite.bib")).toBe("/incidents/third/cite.bib");
  });

  it("keeps one step of a redirect loop instead of hanging", () => {
    const loop = new Map([
      ["/a/", "/b/"],
      ["/b/", "/a/"],
    ]);
    expect([...expandRedirects(loop, ["/a/x.json"])]).toEqual([
      ["/a/", "/b/"],
      ["/a/x.json", "/b/x.json"],
      ["/b/", "/a/"],
    ]);
  });
});

describe("compareLock", () => {
  const locked = ["/", ...incidentPaths("2024-old-name"), ...incidentPaths("2024-kept")];

  it("finds nothing when the build matches the lock", () => {
    expect(compareLock(locked, [...locked].reverse(), new Map())).toEqual({
      missing: [],
      added: [],
      redirected: [],
    });
  });

  it("reports new paths as added", () => {
    const built = [...locked, "/incidents/2024-kept/data/events.csv"];
    expect(compareLock(locked, built, new Map())).toEqual({
      missing: [],
      added: ["/incidents/2024-kept/data/events.csv"],
      redirected: [],
    });
  });

  it("reports a renamed incident without redirect_from as missing", () => {
    const built = ["/", ...incidentPaths("2024-new-name"), ...incidentPaths("2024-kept")];
    const redirects = expandRedirects(
      redirectsFrom([{ id: "2024-new-name", redirect_from: [] }]),
      locked,
    );
    expect(compareLock(locked, built, redirects)).toEqual({
      missing: incidentPaths("2024-old-name"),
      added: incidentPaths("2024-new-name"),
      redirected: [],
    });
  });

  it("accepts a renamed incident whose redirect_from names the old id, with all its subpaths", () => {
    const built = ["/", ...incidentPaths("2024-new-name"), ...incidentPaths("2024-kept")];
    const redirects = expandRedirects(
      redirectsFrom([{ id: "2024-new-name", redirect_from: ["2024-old-name"] }]),
      locked,
    );
    expect(compareLock(locked, built, redirects)).toEqual({
      missing: [],
      added: incidentPaths("2024-new-name"),
      redirected: incidentPaths("2024-old-name"),
    });
  });

  it("counts a redirect whose target is not built as missing", () => {
    const built = ["/", ...incidentPaths("2024-kept")];
    const redirects = new Map([["/incidents/2024-old-name/", "/incidents/gone/"]]);
    expect(compareLock(locked, built, redirects).missing).toEqual(incidentPaths("2024-old-name"));
  });

  it("survives a redirect loop, reporting the paths as missing", () => {
    const redirects = new Map([
      ["/a/", "/b/"],
      ["/b/", "/a/"],
    ]);
    expect(compareLock(["/a/"], [], redirects)).toEqual({
      missing: ["/a/"],
      added: [],
      redirected: [],
    });
  });
});

describe("redirectPage", () => {
  it("writes a refresh, a canonical link, noindex and a visible link", () => {
    expect(
      redirectPage({ to: "/casefile/incidents/2024-new-name/", title: "DDoS on the CNE" }),
    ).toBe(
      [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>Moved: DDoS on the CNE</title>",
        '<meta name="robots" content="noindex">',
        '<link rel="canonical" href="/casefile/incidents/2024-new-name/">',
        '<meta http-equiv="refresh" content="0; url=/casefile/incidents/2024-new-name/">',
        "</head>",
        "<body>",
        '<p>This page has moved to <a href="/casefile/incidents/2024-new-name/">DDoS on the CNE</a>.</p>',
        "</body>",
        "</html>",
        "",
      ].join("\n"),
    );
  });

  it("escapes the title and the URL", () => {
    const page = redirectPage({
      to: 'https://example.org/a?b=1&c="2"',
      title: "</title><script>alert(1)</script> & 'x'",
    });
    expect(page).toContain(
      "<title>Moved: &#60;/title&#62;&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#39;x&#39;</title>",
    );
    expect(page).toContain('href="https://example.org/a?b=1&#38;c=&#34;2&#34;"');
    expect(page).not.toContain("<script>");
  });

  it("refuses targets that are not http(s) URLs or site paths", () => {
    expect(() => redirectPage({ to: "javascript:alert(1)", title: "x" })).toThrow(TypeError);
    expect(() => redirectPage({ to: "//evil.example/", title: "x" })).toThrow(TypeError);
  });
});
