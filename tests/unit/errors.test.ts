import { describe, expect, it } from "vitest";
import { formatProblem, inFile, internalProblem } from "../../src/lib/errors.ts";

/** Runs `step` and returns what it threw. */
function thrown(step: () => unknown): unknown {
  try {
    step();
  } catch (error) {
    return error;
  }
  throw new Error("expected the step to throw");
}

describe("internal errors", () => {
  it("are reported as one paragraph naming the innermost file being processed", () => {
    const error = thrown(() =>
      inFile("data/incidents/x/sources.yaml", () =>
        inFile("data/incidents/x/ips.csv", () => {
          throw new TypeError("text.replace is not a function");
        }),
      ),
    );
    expect(formatProblem(internalProblem(error, "content/ and data/"))).toBe(
      "data/incidents/x/ips.csv: Casefile could not process this (text.replace is not a function). Hint: if nothing is wrong with it, this is a bug in Casefile: please report it with this paragraph (DEBUG=casefile adds the stack)",
    );
  });

  it("name the fallback when no file was being processed, and keep the message on one line", () => {
    const problem = internalProblem(new RangeError("Invalid\ntime value"), "content/ and data/");
    expect(problem.file).toBe("content/ and data/");
    expect(problem.message).toBe("Casefile could not process this (Invalid time value)");
  });

  it("go on unchanged through inFile, stack and all", () => {
    const original = new Error("boom");
    expect(
      thrown(() =>
        inFile("a.txt", () => {
          throw original;
        }),
      ),
    ).toBe(original);
    expect(inFile("a.txt", () => 42)).toBe(42);
  });
});
