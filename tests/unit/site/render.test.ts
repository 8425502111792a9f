import { afterEach, describe, expect, it } from "vitest";
import { CasefileError } from "../../../src/lib/errors.ts";
import { authorErrors } from "../../../src/site/render.ts";
import { takeProblems } from "../../../src/site/problems.ts";

afterEach(() => {
  takeProblems();
});

describe("authorErrors", () => {
  it("records an author error as it is and rethrows its paragraph", () => {
    const problem = { file: "data/x.csv", line: 3, message: "bad", hint: "fix it" };
    expect(() =>
      authorErrors(() => {
        throw new CasefileError(problem);
      }, "content/incidents/x.mdx"),
    ).toThrow("data/x.csv:3: bad. Hint: fix it");
    expect(takeProblems()).toEqual([{ ...problem, field: undefined }]);
  });

  it("records an internal error as one problem naming the file, without its stack", () => {
    expect(() =>
      authorErrors(() => {
        throw new TypeError("cannot read properties of undefined\n  at somewhere (x.js:1:1)");
      }, "content/incidents/x.mdx"),
    ).toThrow(/^content\/incidents\/x\.mdx: Casefile could not process this/);
    const [problem, ...rest] = takeProblems();
    expect(rest).toEqual([]);
    expect(problem?.file).toBe("content/incidents/x.mdx");
    expect(problem?.message).toBe(
      "Casefile could not process this (cannot read properties of undefined at somewhere (x.js:1:1))",
    );
    expect(problem?.hint).toMatch(/DEBUG=casefile/);
  });

  it("passes a step's value through", () => {
    expect(authorErrors(() => 42, "content/incidents/x.mdx")).toBe(42);
    expect(takeProblems()).toEqual([]);
  });
});
