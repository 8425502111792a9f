import { describe, expect, it } from "vitest";
import { textFormat } from "../../../../src/lib/archive/formats/text.ts";
import type { ExtractedCapture } from "../../../../src/lib/archive/formats/index.ts";
import { processCaptures } from "../../../../src/lib/archive/index.ts";
import { splitLines } from "../../../../src/lib/archive/lines.ts";
import { fixtures } from "../helpers.ts";

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The text format's reading of bytes: its text and encoding. */
function read(file: string, input: Uint8Array): Pick<ExtractedCapture, "text" | "encoding"> {
  const { text, encoding } = textFormat.extract({ file, bytes: input });
  return { text, encoding };
}

/** Each block's text as the extracted text has it, and as its bytes decode. */
function blockTexts(extracted: ExtractedCapture, input: Uint8Array, label: string) {
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  return extracted.blocks.map((block) => ({
    text: extracted.text.slice(block.from, block.to),
    bytes: decoder.decode(input.subarray(block.start, block.end)),
  }));
}

describe("the text format", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(read("a.txt", bytes("Páez said"))).toEqual({ text: "Páez said", encoding: "utf-8" });
    expect(read("a.txt", bytes("\ufeffPáez said"))).toEqual({
      text: "Páez said",
      encoding: "utf-8-bom",
    });
  });

  it("reads UTF-16 with a BOM", () => {
    const [input] = fixtures("utf16-bom.txt");
    const { text, encoding } = read(input!.file, input!.bytes);
    expect(encoding).toBe("utf-16le");
    expect(splitLines(text)).toEqual([
      "Captured with a UTF-16 editor",
      "The ministry’s statement said the outage lasted “less than a day”.",
    ]);
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x48, 0x00, 0x69]);
    expect(read("be.txt", be)).toEqual({ text: "Hi", encoding: "utf-16be" });
  });

  it("reads UTF-16 without a BOM by where its NUL bytes fall", () => {
    const text = "Captured without a BOM\r\nThe council’s site was down for 3 hours.\r\n";
    const le = new Uint8Array(Buffer.from(text, "utf16le"));
    expect(read("le.txt", le)).toEqual({ text, encoding: "utf-16le" });
    const be = new Uint8Array(Buffer.from(text, "utf16le").swap16());
    expect(read("be.txt", be)).toEqual({ text, encoding: "utf-16be" });
    // A PNG has NULs too, but not in every other byte: not text.
    expect(textFormat.accepts(fixtures("binary.bin")[0]!)).toBe(false);
  });

  it("falls back to windows-1252 when UTF-8 is invalid", () => {
    const [input] = fixtures("windows-1252.txt");
    const { text, encoding } = read(input!.file, input!.bytes);
    expect(encoding).toBe("windows-1252");
    expect(text).toContain("Misión Digital");
    expect(text).toContain("el “incidente” fue contenido en menos de un día — según");
  });

  it("does not accept text full of control characters even without NUL bytes", () => {
    const noise = new Uint8Array(400).map((_, i) => (i % 7 === 0 ? 0x01 : 0x41));
    expect(textFormat.accepts({ file: "noise.dat", bytes: noise })).toBe(false);
    const utf16Noise = new Uint8Array(
      Buffer.from("\ufeff\u0001\u0002\u0003\u0004 noise", "utf16le"),
    );
    expect(textFormat.accepts({ file: "noise16.dat", bytes: utf16Noise })).toBe(false);
    expect(textFormat.accepts({ file: "ok16.txt", bytes: utf16Noise.subarray(0, 2) })).toBe(true);
  });

  it("makes one block per line, as splitLines cuts them, blank lines included", () => {
    for (const text of ["a\r\nb\rc\nd\n", "a\n\n\nb", "\n", "one line", "x\r", "\r\n\r\ny\r\n"]) {
      const extracted = textFormat.extract({ file: "l.txt", bytes: bytes(text) });
      const lines = extracted.blocks.map((block) => text.slice(block.from, block.to));
      expect(lines).toEqual(splitLines(text));
      expect(extracted.blocks.map((block) => block.line)).toEqual(lines.map((_, i) => i + 1));
    }
    expect(textFormat.extract({ file: "e.txt", bytes: bytes("") }).blocks).toEqual([]);
  });

  it("points every block back at its bytes, in every encoding", () => {
    const text = "Páez said “no”.\r\n\r\nThe €500 fine — paid.\nLast line\rCR only\n";
    const cases: [string, Uint8Array, string][] = [
      ["utf-8", bytes(text), "utf-8"],
      ["utf-8-bom", bytes("\ufeff" + text), "utf-8"],
      ["utf-16le", new Uint8Array(Buffer.from("\ufeff" + text, "utf16le")), "utf-16le"],
      ["utf-16le", new Uint8Array(Buffer.from(text, "utf16le")), "utf-16le"],
      ["utf-16be", new Uint8Array(Buffer.from("\ufeff" + text, "utf16le").swap16()), "utf-16be"],
      [
        "windows-1252",
        new Uint8Array(Buffer.from(text.replace("“no”", "\u00abno\u00bb"), "latin1")),
        "windows-1252",
      ],
      ["utf-8", bytes("plain ASCII\r\nlines\r\n"), "utf-8"],
    ];
    for (const [encoding, input, label] of cases) {
      const extracted = textFormat.extract({ file: "x.txt", bytes: input });
      expect(extracted.encoding).toBe(encoding);
      expect(extracted.blocks).toHaveLength(5 - (input.length < 40 ? 3 : 0));
      for (const { text: blockText, bytes: decoded } of blockTexts(extracted, input, label))
        expect(decoded).toBe(blockText);
    }
    for (const name of ["crlf.txt", "windows-1252.txt", "utf16-bom.txt", "compilation.txt"]) {
      const [input] = fixtures(name);
      const extracted = textFormat.extract(input!);
      const label = extracted.encoding === "utf-8-bom" ? "utf-8" : extracted.encoding;
      for (const { text: blockText, bytes: decoded } of blockTexts(extracted, input!.bytes, label))
        expect(decoded).toBe(blockText);
    }
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
