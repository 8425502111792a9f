import { describe, expect, it } from "vitest";
import { knownIds } from "../../../src/lib/content/references.ts";
import { closestNames, didYouMean } from "../../../src/lib/content/suggest.ts";

describe("closestNames", () => {
  it("finds a typo, a swap of two letters, a missing hyphen and a case difference", () => {
    expect(closestNames("mr-onlin", ["mr-online", "mintpress-news", "misionverdad"])).toEqual([
      "mr-online",
    ]);
    expect(closestNames("sumary", ["summary", "status", "tags"])).toEqual(["summary"]);
    expect(closestNames("news-reprot", ["news-report", "ministry-statement"])).toEqual([
      "news-report",
    ]);
    expect(closestNames("examplenews", ["example-news", "example-ministry"])).toEqual([
      "example-news",
    ]);
    expect(closestNames("Team_Cymru", ["team-cymru"])).toEqual(["team-cymru"]);
  });

  it("suggests nothing far from every known name", () => {
    expect(closestNames("wire-story", ["ministry-statement"])).toEqual([]);
    expect(didYouMean("wire-story", ["ministry-statement"])).toBe("");
  });
});

describe("knownIds", () => {
  it("lists the close ids first, so that a long list never cuts the likely one off", () => {
    const outlets = [
      "a-outlet",
      "b-outlet",
      "c-outlet",
      "d-outlet",
      "e-outlet",
      "f-outlet",
      "mr-online",
    ];
    expect(knownIds(outlets)).toBe("a-outlet, b-outlet, c-outlet, d-outlet, e-outlet, f-outlet, …");
    expect(knownIds(outlets, "mr-onlin")).toBe(
      "mr-online, a-outlet, b-outlet, c-outlet, d-outlet, e-outlet, …",
    );
  });
});
