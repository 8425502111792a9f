import { describe, expect, it } from "vitest";
import { citedName, displayName, parseAuthor, writtenName } from "../../../src/lib/cite/names.ts";

describe("parseAuthor", () => {
  it("splits Given Family names on the last word", () => {
    expect(parseAuthor("Ana María Pérez")).toEqual({ given: "Ana María", family: "Pérez" });
    expect(parseAuthor("  John   Smith ")).toEqual({ given: "John", family: "Smith" });
  });

  it("keeps particles with the family name", () => {
    expect(parseAuthor("Jan van der Berg")).toEqual({ given: "Jan", family: "van der Berg" });
    expect(parseAuthor("María de la Cruz")).toEqual({ given: "María", family: "de la Cruz" });
  });

  it("reads Family, Given for two-part surnames", () => {
    expect(parseAuthor("Pérez González, Ana María")).toEqual({
      given: "Ana María",
      family: "Pérez González",
    });
  });

  it("keeps a generational suffix apart", () => {
    expect(parseAuthor("Martin Luther King Jr.")).toEqual({
      given: "Martin Luther",
      family: "King",
      suffix: "Jr.",
    });
  });

  it("keeps institutions, single words and prose whole", () => {
    expect(parseAuthor("Digital Forensic Lab")).toEqual({ literal: "Digital Forensic Lab" });
    expect(parseAuthor("University of Toronto, Citizen Lab")).toEqual({
      literal: "University of Toronto, Citizen Lab",
    });
    expect(parseAuthor("Casefile")).toEqual({ literal: "Casefile" });
    expect(parseAuthor("Team 82")).toEqual({ literal: "Team 82" });
    expect(parseAuthor("open source researchers")).toEqual({ literal: "open source researchers" });
  });

  it("displays names in reading order", () => {
    expect(displayName({ given: "Jan", family: "van der Berg" })).toBe("Jan van der Berg");
    expect(displayName({ literal: "Digital Forensic Lab" })).toBe("Digital Forensic Lab");
  });
});

describe("citedName", () => {
  it("parses a name written as text, as before", () => {
    expect(citedName("Jan van der Berg")).toEqual({ given: "Jan", family: "van der Berg" });
    expect(citedName("Casefile sample team")).toEqual({ literal: "Casefile sample team" });
  });

  it("keeps a group whole even when its name reads like a person's", () => {
    expect(citedName({ group: "Forbidden  Stories" })).toEqual({ literal: "Forbidden Stories" });
  });

  it("keeps a person's parts as given", () => {
    expect(citedName({ given: "Ana María", family: "Pérez González" })).toEqual({
      given: "Ana María",
      family: "Pérez González",
    });
    expect(citedName({ given: "Martin Luther", family: "King", suffix: "Jr." })).toEqual({
      given: "Martin Luther",
      family: "King",
      suffix: "Jr.",
    });
  });
});

describe("writtenName", () => {
  it("shows text as written, a group by its name and a person in reading order", () => {
    expect(writtenName("Pérez González, Ana María")).toBe("Pérez González, Ana María");
    expect(writtenName({ group: "Forbidden Stories" })).toBe("Forbidden Stories");
    expect(writtenName({ given: "Ana María", family: "Pérez González" })).toBe(
      "Ana María Pérez González",
    );
  });
});
