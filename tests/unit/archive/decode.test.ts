import { describe, expect, it } from "vitest";
import { decode, isBlank, splitLines } from "../../../src/lib/archive/decode.ts";
import { processCaptures } from "../../../src/lib/archive/index.ts";
import { CasefileError } from "../../../src/lib/errors.ts";
import { fixtures } from "./helpers.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("decode", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decode("a.txt", bytes("Páez said"))).toEqual({ text: "Páez said", encoding: "utf-8" });
    expect(decode("a.txt", bytes("\ufeffPáez said"))).toEqual({
      text: "Páez said",
      encoding: "utf-8-bom",
    });
  });

  it("reads UTF-16 with a BOM", () => {
    const [input] = fixtures("utf16-bom.txt");
    const { text, encoding } = decode(input!.file, input!.bytes);
    expect(encoding).toBe("utf-16le");
    expect(splitLines(text)).toEqual([
      "Captured with a UTF-16 editor",
      "The ministry’s statement said the outage lasted “less than a day”.",
    ]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    expect(decode("be.txt", be)).toEqual({ text: "Hi", encoding: "utf-16be" });
  });

  it("reads UTF-16 without a BOM by where its NUL bytes fall", () => {
    const text = "Captured without a BOM\r\nThe council’s site was down for 3 hours.\r\n";
    const le = new Uint8Array(Buffer.from(text, "utf16le"));
    expect(decode("le.txt", le)).toEqual({ text, encoding: "utf-16le" });
    const be = new Uint8Array(Buffer.from(text, "utf16le").swap16());
    expect(decode("be.txt", be)).toEqual({ text, encoding: "utf-16be" });
    // A PNG has NULs too, but not in every other byte: still refused.
    expect(() => decode("image.bin", fixtures("binary.bin")[0]!.bytes)).toThrow(/binary/);
  });

  it("falls back to windows-1252 when UTF-8 is invalid", () => {
    const [input] = fixtures("windows-1252.txt");
    const { text, encoding } = decode(input!.file, input!.bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toContain("Misión Digital");
    expect(text).toContain("el “incidente” fue contenido en menos de un día — según");
  });

  it("splits LF, CRLF and CR lines without inventing a last empty line", () => {
    expect(splitLines("a\r\nb\rc\nd\n")).toEqual(["a", "b", "c", "d"]);
    const [input] = fixtures("crlf.txt");
    const lines = splitLines(decode(input!.file, input!.bytes).text);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe("");
    expect(lines.every((line) => !line.includes("\r"))).toBe(true);
  });

  it("treats whitespace-only lines as blank", () => {
    expect(isBlank(" \t\u00a0")).toBe(true);
    expect(isBlank(" x ")).toBe(false);
  });

  it("refuses a binary file with a CasefileError naming the file and a hint", () => {
    const [input] = fixtures("binary.bin");
    let error: unknown;
    try {
      decode(input!.file, input!.bytes);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CasefileError);
    expect((error as CasefileError).file).toBe("tests/fixtures/archive/binary.bin");
    expect((error as CasefileError).hint).toMatch(/text files/);
    expect(() => processCaptures(fixtures("binary.bin"))).toThrow(CasefileError);
  });

  it("refuses text full of control characters even without NUL bytes", () => {
    const noise = new Uint8Array(400).map((_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(() => decode("noise.dat", noise)).toThrow(/binary/);
  });

  it("warns about an empty capture instead of failing", () => {
    const archive = processCaptures(fixtures("empty.txt", "crlf.txt"));
    expect(archive.warnings).toEqual([
      expect.objectContaining({
        file: "tests/fixtures/archive/empty.txt",
        message: expect.stringMatching(/empty/),
      }),
    ]);
    expect(archive.ledger.map((entry) => entry.line)).toEqual([1, 2, 4]);
    expect(archive.files.map((file) => file.encoding)).toEqual(["utf-8", "utf-8"]);
  });
});
