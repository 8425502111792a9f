import { describe, expect, it } from "vitest";
import { longIdLength, shorterId, slugOf, timeZonesOf } from "../../../src/lib/content/scaffold.ts";

describe("slugOf", () => {
  it("drops accents and joins words with single hyphens", () => {
    expect(slugOf("Ataque al CNE: ¿quién fue?")).toBe("ataque-al-cne-quien-fue");
  });
});

describe("shorterId", () => {
  it("drops minor words, then cuts whole words until the id fits", () => {
    const id =
      "2024-attack-on-the-site-of-the-national-electoral-council-of-the-republic-during-the-count";
    const short = shorterId(id);
    expect(short).toBe("2024-attack-site-national-electoral-council-republic-during");
    expect(short.length).toBeLessThanOrEqual(longIdLength);
  });

  it("keeps a short id as it is, minor words aside", () => {
    expect(shorterId("2024-venezuela-cne-ddos")).toBe("2024-venezuela-cne-ddos");
  });
});

describe("timeZonesOf", () => {
  it("gives the one zone of a country that has one, several for a country that has several", () => {
    expect(timeZonesOf("VE")).toEqual(["America/Caracas"]);
    expect(timeZonesOf("BO")).toEqual(["America/La_Paz"]);
    expect(timeZonesOf("BR").length).toBeGreaterThan(1);
  });

  it("gives none for a code that is not a country", () => {
    expect(timeZonesOf("UN")).toEqual([]);
    expect(timeZonesOf("xx")).toEqual([]);
  });
});
