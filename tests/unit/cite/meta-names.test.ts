import { describe, expect, it } from "vitest";
import { dublinCoreCreator, highwireAuthor } from "../../../src/lib/cite/meta-names.ts";

describe("highwireAuthor", () => {
  it("writes a person family name first", () => {
    expect(highwireAuthor({ given: "Jan", family: "van der Berg" }, false)).toBe(
      "van der Berg, Jan",
    );
    expect(highwireAuthor({ given: "Martin Luther", family: "King", suffix: "Jr." }, false)).toBe(
      "King, Martin Luther, Jr.",
    );
  });

  it("writes a group with a trailing comma, so that no given name is read", () => {
    expect(highwireAuthor({ literal: "Casefile sample team" }, true)).toBe("Casefile sample team,");
  });

  it("joins the given names of a page's only author with no-break spaces when both parts have spaces", () => {
    const person = { given: "Ana María", family: "Pérez González" };
    expect(highwireAuthor(person, true)).toBe("Pérez González, Ana\u00a0María");
    expect(highwireAuthor(person, false)).toBe("Pérez González, Ana María");
    expect(highwireAuthor({ given: "Ana María", family: "Pérez" }, true)).toBe("Pérez, Ana María");
  });
});

describe("dublinCoreCreator", () => {
  it("writes a person family name first and a group whole", () => {
    expect(dublinCoreCreator({ given: "Ana María", family: "Pérez" })).toBe("Pérez, Ana María");
    expect(dublinCoreCreator({ literal: "Digital Forensic Lab" })).toBe("Digital Forensic Lab");
  });
});
