import { describe, expect, it } from "vitest";
import {
  captureFormats,
  extractCapture,
  formatOf,
} from "../../../../src/lib/archive/formats/index.ts";
import { textFormat } from "../../../../src/lib/archive/formats/text.ts";
import { processCaptures } from "../../../../src/lib/archive/index.ts";
import { CasefileError } from "../../../../src/lib/errors.ts";
import { fixtures } from "../helpers.ts";

/** The error thrown by `run`, or undefined. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("the capture-format registry", () => {
  it("lists the formats, text last, and picks the text format for text captures by accepts", () => {
    expect(captureFormats.map((format) => format.name)).toEqual([
      "html",
      "mhtml",
      "wacz",
      "warc",
      "pdf",
      "attachment",
      "text",
    ]);
    for (const input of fixtures("crlf.txt", "utf16-bom.txt", "windows-1252.txt"))
      expect(formatOf(input)).toBe(textFormat);
  });

  it("picks the first format that accepts a capture", () => {
    const input = fixtures("crlf.txt")[0]!;
    const picked = captureFormats.find((format) => format.accepts(input));
    expect(formatOf(input)).toBe(picked);
    expect(extractCapture(input)).toEqual(textFormat.extract(input));
  });

  it("refuses a binary capture with a CasefileError naming the file and listing the formats", () => {
    const [input] = fixtures("binary.bin");
    const error = thrown(() => formatOf(input!));
    expect(error).toBeInstanceOf(CasefileError);
    expect((error as CasefileError).file).toBe("tests/fixtures/archive/binary.bin");
    expect((error as CasefileError).detail).toMatch(/binary file \(no capture format reads it\)/);
    expect((error as CasefileError).hint).toBe(
      `captures must be in a format Casefile reads: saved web pages (.html, .htm, SingleFile included), web pages saved as one MHTML file (.mhtml, .mht), web archive collections (.wacz), web archives (.warc, .warc.gz), PDF documents with a text layer (.pdf), screenshots, media and archivers' sidecars (.png, .jpg, .mp4, metadata.json …), kept as attachments, text (UTF-8, UTF-16 or windows-1252); move other files out of data/archives/`,
    );
    for (const format of captureFormats)
      expect((error as CasefileError).hint).toContain(format.description);
    expect(thrown(() => processCaptures(fixtures("binary.bin")))).toBeInstanceOf(CasefileError);
  });
});
