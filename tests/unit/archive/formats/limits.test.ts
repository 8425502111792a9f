import { describe, expect, it } from "vitest";
import { extractCapture, type TextBlock } from "../../../../src/lib/archive/formats/index.ts";
import { captureLimits, checkCaptureLimits } from "../../../../src/lib/archive/formats/limits.ts";
import { textFormat } from "../../../../src/lib/archive/formats/text.ts";
import { processCaptures } from "../../../../src/lib/archive/index.ts";
import { CasefileError, type CasefileProblem } from "../../../../src/lib/errors.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The problem a CasefileError thrown by `run` carries (fails if nothing, or something else, is thrown). */
function problemOf(run: () => unknown): CasefileProblem {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CasefileError);
    return (error as CasefileError).toProblem();
  }
  throw new Error("nothing was thrown");
}

const tooLongHint =
  "a capture is the text of one page, one paragraph per line: break the line where its paragraphs end, or move data dumps out of data/archives/";
const tooManyHint =
  "a capture is the text of one page: split it into one file per page, or move data dumps (logs, lists of addresses) out of data/archives/";

describe("what one capture may hold", () => {
  it("is 500,000 text blocks of 2,000,000 characters at most, and 200 MB unpacked", () => {
    expect(captureLimits).toEqual({
      blockChars: 2_000_000,
      blocks: 500_000,
      inflatedBytes: 200_000_000,
    });
  });

  it("refuses a line over 2,000,000 characters, naming its line", () => {
    const text = `A headline\r\n${"a".repeat(2_000_001)}\r\nmore\r\n`;
    expect(problemOf(() => extractCapture({ file: "long.txt", bytes: bytes(text) }))).toEqual({
      file: "long.txt",
      line: 2,
      field: undefined,
      message: "line is 2,000,001 characters long, more than the 2,000,000 one line may hold",
      hint: tooLongHint,
    });
  });

  it("reads a line of 2,000,000 characters, the line break not counted", () => {
    const line = "a".repeat(2_000_000);
    const extracted = extractCapture({ file: "long.txt", bytes: bytes(`x\r\n${line}\r\n`) });
    expect(extracted.blocks.map((block) => block.to - block.from)).toEqual([1, 2_000_000]);
  });

  it("refuses the 500,001st line, blank lines counted", () => {
    const text = `Title\n${"\n".repeat(600_000)}`;
    expect(problemOf(() => extractCapture({ file: "blank.txt", bytes: bytes(text) }))).toEqual({
      file: "blank.txt",
      line: 500_001,
      field: undefined,
      message: "capture has more than 500,000 lines, the most one capture may hold",
      hint: tooManyHint,
    });
  });

  it("reads a capture of 500,000 lines", () => {
    const extracted = extractCapture({ file: "full.txt", bytes: bytes("x\n".repeat(500_000)) });
    expect(extracted.blocks).toHaveLength(500_000);
  });

  it("refuses a capture of 2.8 million short lines at once, through the engine too", () => {
    // 17.9 MB, under the 20 MB limit: the engine ran out of memory after three minutes on it.
    const text = Array.from({ length: 2_800_000 }, (_, i) => `w${i % 100_000}`).join("\n");
    const capture = { file: "short.txt", bytes: bytes(text) };
    expect(problemOf(() => processCaptures([capture]))).toMatchObject({
      file: "short.txt",
      line: 500_001,
      message: "capture has more than 500,000 lines, the most one capture may hold",
    });
  });

  it("holds every format to the limits, naming its blocks by the format's word for them", () => {
    const block = (line: number, chars = 1): TextBlock => ({
      line,
      from: 0,
      to: chars,
      start: 0,
      end: chars,
    });
    const html = { block: "paragraph" };
    expect(textFormat.block).toBe("line");
    expect(
      problemOf(() => checkCaptureLimits("page.html", html, { blocks: [block(3, 2_000_001)] })),
    ).toMatchObject({
      line: 3,
      message:
        "paragraph is 2,000,001 characters long, more than the 2,000,000 one paragraph may hold",
    });
    const blocks = Array.from({ length: 500_001 }, (_, i) => block(2 * i + 1));
    expect(problemOf(() => checkCaptureLimits("page.html", html, { blocks }))).toMatchObject({
      line: 1_000_001,
      message: "capture has more than 500,000 paragraphs, the most one capture may hold",
    });
    expect(() => {
      checkCaptureLimits("page.html", html, { blocks: blocks.slice(1) });
    }).not.toThrow();
  });
});
