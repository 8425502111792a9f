import { describe, expect, it } from "vitest";
import { CasefileError } from "../../../src/lib/errors.ts";
import {
  bestReliability,
  credibilityGrades,
  credibilityScale,
  gradeCode,
  parseGrade,
  readGrade,
  reliabilityGrades,
  reliabilityScale,
} from "../../../src/lib/reliability/admiralty.ts";

describe("Admiralty scales", () => {
  it("has six reliability and six credibility grades, each with a label and one sentence", () => {
    expect(Object.keys(reliabilityScale)).toEqual([...reliabilityGrades]);
    expect(Object.keys(credibilityScale).map(Number)).toEqual([...credibilityGrades]);
    expect(reliabilityScale.B.label).toBe("usually reliable");
    expect(reliabilityScale.F.label).toBe("reliability cannot be judged");
    expect(credibilityScale[1].label).toBe("confirmed by other sources");
    expect(credibilityScale[6].label).toBe("truth cannot be judged");
    for (const meaning of [
      ...Object.values(reliabilityScale),
      ...Object.values(credibilityScale),
    ]) {
      expect(meaning.description).toMatch(/^[A-Z][^.]*\.$/);
    }
  });
});

describe("parseGrade", () => {
  it("splits a combined code into two separate grades", () => {
    expect(parseGrade("B2")).toEqual({ reliability: "B", credibility: 2 });
    expect(parseGrade(" f6 ")).toEqual({ reliability: "F", credibility: 6 });
    expect(gradeCode(parseGrade("A1"))).toBe("A1");
  });

  const bad: [string, string][] = [
    ["", "empty grade code"],
    ["B", '"B" is not an Admiralty grade (expected a letter and a digit, e.g. "B2")'],
    ["B22", '"B22" is not an Admiralty grade (expected a letter and a digit, e.g. "B2")'],
    ["2B", '"2B" is not an Admiralty grade (expected a letter and a digit, e.g. "B2")'],
    ["G2", '"G2": "G" is not a reliability grade (expected A–F)'],
    ["B7", '"B7": "7" is not a credibility grade (expected 1–6)'],
    ["B0", '"B0": "0" is not a credibility grade (expected 1–6)'],
  ];
  it.each(bad)("refuses %j", (code, message) => {
    expect(readGrade(code)).toEqual({
      ok: false,
      message,
      hint: 'write a reliability letter A–F followed by a credibility digit 1–6, e.g. "B2"',
    });
  });

  it("throws a CasefileError that names the file and field", () => {
    let thrown: unknown;
    try {
      parseGrade("Z9", { file: "data/outlets.yaml", field: "[2].grade" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CasefileError);
    expect((thrown as CasefileError).toProblem()).toEqual({
      file: "data/outlets.yaml",
      line: undefined,
      field: "[2].grade",
      message: '"Z9": "Z" is not a reliability grade (expected A–F)',
      hint: 'write a reliability letter A–F followed by a credibility digit 1–6, e.g. "B2"',
    });
  });
});

describe("bestReliability", () => {
  it("prefers the best judged grade, F only when nothing else was judged, undefined never", () => {
    expect(bestReliability(["D", "B", undefined, "F"])).toBe("B");
    expect(bestReliability(["F", "E"])).toBe("E");
    expect(bestReliability([undefined, "F"])).toBe("F");
    expect(bestReliability([undefined])).toBeUndefined();
    expect(bestReliability([])).toBeUndefined();
  });
});
