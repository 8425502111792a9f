import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cacheName, fileUrl, offlineManifest } from "../../../src/lib/offline/offline-manifest.ts";

/** The content digest of a text, as the service worker step takes it of each file. */
const bytes = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the offline manifest", () => {
  const files = new Map([
    ["index.html", bytes("home")],
    ["incidents/a/index.html", bytes("a")],
    ["incidents/a/dossier.html", bytes("dossier")],
    ["_astro/Base.x.css", bytes("css")],
    ["casefile-offline.zip", bytes("zip")],
    ["sw.js", bytes("sw")],
    ["pagefind/pagefind-ui.js", bytes("ui")],
    ["pagefind/pagefind.js", bytes("pf")],
    [".nojekyll", bytes("")],
  ]);

  it("lists pages as folder URLs and files as they are, under the base path", () => {
    expect(offlineManifest(files, "/casefile/").urls).toEqual([
      "/casefile/_astro/Base.x.css",
      "/casefile/incidents/a/dossier.html",
      "/casefile/incidents/a/",
      "/casefile/",
      "/casefile/pagefind/pagefind.js",
    ]);
    expect(fileUrl("404.html", "/")).toBe("/404.html");
  });

  it("changes its version with any file's content, and only then", () => {
    const a = offlineManifest(files, "/").version;
    expect(offlineManifest(new Map([...files].reverse()), "/").version).toBe(a);
    expect(
      offlineManifest(new Map([...files, ["incidents/a/index.html", bytes("b")]]), "/").version,
    ).not.toBe(a);
  });

  it("names one cache per base path", () => {
    expect(cacheName("/")).not.toBe(cacheName("/casefile/"));
  });
});
