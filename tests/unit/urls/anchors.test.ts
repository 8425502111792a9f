import { describe, expect, it } from "vitest";
import {
  claimAnchor,
  headingSlugger,
  paragraphAnchor,
  sourceAnchor,
} from "../../../src/lib/urls/anchors.ts";

describe("anchors", () => {
  it("derives source and claim anchors from their ids", () => {
    expect(sourceAnchor("ministry-statement")).toBe("source-ministry-statement");
    expect(claimAnchor("foreign-ddos")).toBe("claim-foreign-ddos");
  });

  it("passes paragraph ids through and prefixes bare hashes", () => {
    expect(paragraphAnchor("p-0123456789")).toBe("p-0123456789");
    expect(paragraphAnchor("abcdef0123")).toBe("p-abcdef0123");
    expect(() => paragraphAnchor("p-Not Hex")).toThrow(TypeError);
  });
});

describe("headingSlugger", () => {
  it("gives GitHub-style ids, unique on the page", () => {
    const slugger = headingSlugger();
    expect(slugger.slug("Who did it?")).toBe("who-did-it");
    expect(slugger.slug("Who did it?")).toBe("who-did-it-1");
    expect(slugger.slug("Ataque al CNE: ¿qué pasó?")).toBe("ataque-al-cne-qué-pasó");
  });

  it("never reuses a reserved anchor", () => {
    const slugger = headingSlugger([sourceAnchor("foo"), claimAnchor("bar")]);
    expect(slugger.slug("Source foo")).toBe("source-foo-1");
    expect(slugger.slug("Claim bar")).toBe("claim-bar-1");
    slugger.reset();
    expect(slugger.slug("Source foo")).toBe("source-foo-1");
  });

  it("gives headings without letters an id", () => {
    const slugger = headingSlugger();
    expect(slugger.slug("🔥")).toBe("section");
    expect(slugger.slug("!!!")).toBe("section-1");
  });

  it("starts over after reset", () => {
    const slugger = headingSlugger();
    slugger.slug("Timeline");
    slugger.reset();
    expect(slugger.slug("Timeline")).toBe("timeline");
  });
});
