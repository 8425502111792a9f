import { describe, expect, it } from "vitest";
import { gradeSources } from "../../../src/lib/reliability/grades.ts";
import { outlet, outletMap, source } from "./fixtures.ts";

const outlets = outletMap(
  outlet("graded-outlet", { reliability: "D", rationale: "A party to the dispute." }),
  outlet("ungraded-outlet"),
);

describe("gradeSources", () => {
  it("lets a source's own reliability override its outlet's default", () => {
    const [graded] = gradeSources(
      [
        source("own", "graded-outlet", {
          reliability: "B",
          credibility: 2,
          rationale: "Checked against logs.",
        }),
      ],
      outlets,
    );
    expect(graded).toMatchObject({
      id: "own",
      reliability: "B",
      reliabilitySource: "source",
      credibility: 2,
      rationale: "Checked against logs.",
      rationaleSource: "source",
    });
  });

  it("does not show the outlet's rationale under a grade the source overrides", () => {
    const [graded] = gradeSources([source("own", "graded-outlet", { reliability: "B" })], outlets);
    expect(graded).toMatchObject({
      reliability: "B",
      reliabilitySource: "source",
      rationale: undefined,
      rationaleSource: "none",
    });
  });

  it("inherits the outlet's default reliability and rationale", () => {
    const [graded] = gradeSources(
      [source("inherits", "graded-outlet", { credibility: 3 })],
      outlets,
    );
    expect(graded).toMatchObject({
      reliability: "D",
      reliabilitySource: "outlet",
      credibility: 3,
      rationale: "A party to the dispute.",
      rationaleSource: "outlet",
    });
  });

  it("prefers the source's own rationale even when the grade is inherited", () => {
    const [graded] = gradeSources(
      [source("inherits", "graded-outlet", { rationale: "Cites public attack maps." })],
      outlets,
    );
    expect(graded).toMatchObject({
      reliability: "D",
      reliabilitySource: "outlet",
      rationale: "Cites public attack maps.",
      rationaleSource: "source",
    });
  });

  it("leaves a source ungraded when neither it nor its outlet has a grade", () => {
    const graded = gradeSources(
      [source("bare", "ungraded-outlet"), source("orphan", "missing-outlet")],
      outlets,
    );
    for (const entry of graded) {
      expect(entry).toMatchObject({
        reliability: undefined,
        reliabilitySource: "none",
        credibility: undefined,
        rationale: undefined,
        rationaleSource: "none",
      });
    }
    expect(graded.map((entry) => [entry.id, entry.index, entry.outlet?.id])).toEqual([
      ["bare", 0, "ungraded-outlet"],
      ["orphan", 1, undefined],
    ]);
  });
});
