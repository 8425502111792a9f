import { describe, expect, it } from "vitest";
import { extractCapture } from "../../../src/lib/archive/formats/index.ts";
import { isBlank, splitLines } from "../../../src/lib/archive/lines.ts";
import { fixtures } from "./helpers.ts";

describe("lines", () => {
  it("splits LF, CRLF and CR lines without inventing a last empty line", () => {
    expect(splitLines("a\r\nb\rc\nd\n")).toEqual(["a", "b", "c", "d"]);
    const [input] = fixtures("crlf.txt");
    const lines = splitLines(extractCapture(input!).text);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe("");
    expect(lines.every((line) => !line.includes("\r"))).toBe(true);
  });

  it("treats whitespace-only lines as blank", () => {
    expect(isBlank(" \t\u00a0")).toBe(true);
    expect(isBlank(" x ")).toBe(false);
  });
});
