import { describe, expect, it } from "vitest";
import { extractCapture, formatOf } from "../../../../src/lib/archive/formats/index.ts";
import { pdfDate, pdfFormat, pdfLines } from "../../../../src/lib/archive/formats/pdf.ts";
import { processCaptures, verifyLedger } from "../../../../src/lib/archive/index.ts";
import { CasefileError } from "../../../../src/lib/errors.ts";
import { fixtures } from "../helpers.ts";

// Fixtures made by tests/fixtures/make-captures.ts: a statement with a text layer and an Info
// dictionary, a "scan" (a grey rectangle, no text), and a statement that asks to run JavaScript.

const [withText, scanned, scripted] = fixtures(
  "archives/statement-with-text-layer.pdf",
  "archives/scanned-statement-without-text-layer.pdf",
  "archives/statement-with-javascript.pdf",
);

describe("the PDF format", () => {
  it("is picked for .pdf files and for files starting with %PDF-", () => {
    expect(formatOf(withText!)).toBe(pdfFormat);
    expect(pdfFormat.accepts({ file: "statement", bytes: withText!.bytes })).toBe(true);
    expect(pdfFormat.accepts({ file: "x.txt", bytes: new TextEncoder().encode("PDF") })).toBe(
      false,
    );
  });

  it("reads the text layer line by line, a blank line between paragraphs, and the Info dictionary", () => {
    const extracted = extractCapture(withText!);
    expect(extracted.text).toBe(
      [
        "Statement on the outage of the ministry's portal",
        "",
        "The ministry's portal was unreachable for two hours on Monday 29 July 2024,",
        "from 09:10 to 11:05 local time, during a flood of requests from about",
        "12,000 addresses.",
        "",
        "No data was taken. The operator moved the portal behind its filtering",
        "service and traffic was back to normal by noon.",
      ].join("\n"),
    );
    expect(extracted.blocks.map((block) => block.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const block of extracted.blocks) {
      expect(block.start).toBe(0);
      expect(block.end).toBe(withText!.bytes.length);
    }
    expect(extracted.metadata).toEqual({
      title: "Statement on the portal outage",
      author: "Ministry press office",
      savedAt: "2024-07-30T08:15:00.000Z",
      tool: "LibreOffice 7.6, Writer",
    });
    expect(extracted.warnings).toEqual([]);
    // The engine joins the wrapped lines into paragraphs, as for a text capture.
    const archive = processCaptures([withText!]);
    expect(() => verifyLedger([withText!], archive)).not.toThrow();
    expect(archive.documents[0]?.paragraphs.length).toBe(3);
  });

  it("warns that a PDF without a text layer has no text (no OCR)", () => {
    const extracted = extractCapture(scanned!);
    expect(extracted.blocks).toEqual([]);
    expect(extracted.warnings).toEqual([
      {
        file: scanned!.file,
        message:
          "is a PDF without a text layer (a scan or an image), so it has no text to archive; Casefile does not read text from images",
        hint: "run OCR on it (for example ocrmypdf) and capture the result, or paste its text into a .txt capture beside it",
      },
    ]);
  });

  it("reads a PDF carrying JavaScript without running it, and says so", () => {
    const alerts: unknown[] = [];
    const global = globalThis as { app?: unknown };
    global.app = { alert: (message: unknown) => alerts.push(message) };
    try {
      const extracted = extractCapture(scripted!);
      expect(extracted.text).toBe(
        "A statement whose file asks to run a script when opened.\n\nThe text is read; the script is never run.",
      );
      expect(extracted.warnings.map((warning) => warning.message)).toEqual([
        "is a PDF carrying JavaScript; its text is read, the script is never run",
      ]);
      expect(alerts).toEqual([]);
    } finally {
      delete global.app;
    }
  });

  it("refuses a file that is not a readable PDF, naming it", () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\nnot really a PDF");
    expect(() => extractCapture({ file: "broken.pdf", bytes })).toThrow(CasefileError);
    expect(() => extractCapture({ file: "broken.pdf", bytes })).toThrow(
      /^broken\.pdf: is not a readable PDF \(.+\)\. Hint: open it in a PDF reader/,
    );
  });

  it("joins a line's items, breaks paragraphs at wide gaps and pages, and reads PDF dates", () => {
    const item = (str: string, y: number, eol = true) => ({ str, eol, y, h: 10 });
    expect(
      pdfLines([
        [item("One ", 700, false), item("line", 700), item("next", 688), item("after a gap", 600)],
        [item("page two", 700)],
      ]),
    ).toEqual(["One line", "next", "", "after a gap", "", "page two"]);
    expect(pdfDate("D:20240730101500+02'00'")).toBe("2024-07-30T08:15:00.000Z");
    expect(pdfDate("D:2024")).toBe("2024-01-01T00:00:00.000Z");
    expect(pdfDate("yesterday")).toBe("yesterday");
  });
});
