import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractCapture, formatOf } from "../../../src/lib/archive/formats/index.ts";
import { mediaFormat } from "../../../src/lib/archive/formats/media.ts";
import { processCaptures, verifyLedger } from "../../../src/lib/archive/index.ts";
import { readSidecars } from "../../../src/lib/archive/provenance.ts";
import { CasefileError } from "../../../src/lib/errors.ts";
import { fixtures } from "./helpers.ts";

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** A screenshot's first bytes (PNG signature and IHDR). */
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const article = text(
  "Ministry portal down\n\nThe portal was down for two hours on Monday, the ministry said.\n",
);

describe("provenance of captures", () => {
  it("gives every capture its format, SHA-256 and size, and what it says of where and when it was captured", () => {
    const inputs = fixtures(
      "archives/browsertrix-page.warc.gz",
      "archives/statement-with-text-layer.pdf",
      "pages/chrome-quoted-printable.mhtml",
      "crlf.txt",
    );
    const archive = processCaptures(inputs);
    const byFile = new Map(archive.files.map((file) => [file.file, file]));
    expect(byFile.get(inputs[0]!.file)?.provenance).toEqual({
      format: "warc",
      sha256: sha(inputs[0]!.bytes),
      url: "https://news.example.org/2024/08/portal-outage",
      capturedAt: "2024-08-02T10:15:00.000Z",
      tool: "Browsertrix-Crawler 1.2.4 (with warcio.js 2.2.1)",
      title: "Valdoria electoral portal knocked offline on results night",
    });
    expect(byFile.get(inputs[1]!.file)?.provenance).toMatchObject({
      format: "pdf",
      capturedAt: "2024-07-30T08:15:00.000Z",
      tool: "LibreOffice 7.6, Writer",
    });
    expect(byFile.get(inputs[2]!.file)?.provenance.format).toBe("mhtml");
    expect(byFile.get(inputs[3]!.file)?.provenance).toEqual({
      format: "text",
      sha256: sha(inputs[3]!.bytes),
    });
    for (const input of inputs) expect(byFile.get(input.file)?.bytes).toBe(input.bytes.length);
  });

  it("keeps screenshots and other media as attachments: hashed, listed, never read, no warning", () => {
    const input = { file: "data/archives/x/screenshot.png", bytes: png };
    expect(formatOf(input)).toBe(mediaFormat);
    expect(extractCapture(input).blocks).toEqual([]);
    const archive = processCaptures([input, { file: "data/archives/x/page.txt", bytes: article }]);
    expect(archive.warnings).toEqual([]);
    expect(archive.files[1]).toMatchObject({
      file: "data/archives/x/screenshot.png",
      attachment: true,
      bytes: png.length,
      lines: 0,
      provenance: { format: "attachment", sha256: sha(png) },
    });
    expect(archive.ledger.some((entry) => entry.file.endsWith(".png"))).toBe(false);
  });

  it("reads auto-archiver's metadata.json, ArchiveBox's index.json and hashes.txt beside a capture", () => {
    const metadata = text(
      JSON.stringify({
        status: "wayback: success",
        metadata: { url: "https://news.example.org/a", timestamp: "2024-08-02T10:15:00+00:00" },
        media: [
          { filename: "auto/screenshot.png", properties: { hash: `SHA-256:${sha(png)}` } },
          { filename: "auto/page.txt", properties: { hash: `SHA-256:${sha(article)}` } },
        ],
      }),
    );
    const inputs = [
      { file: "data/archives/auto/page.txt", bytes: article },
      { file: "data/archives/auto/screenshot.png", bytes: png },
      { file: "data/archives/auto/metadata.json", bytes: metadata },
      { file: "data/archives/box/page.txt", bytes: article },
      {
        file: "data/archives/box/index.json",
        bytes: text(
          JSON.stringify({ url: "https://news.example.org/b", timestamp: "1722593700.5" }),
        ),
      },
      { file: "data/archives/box/hashes.txt", bytes: text(`${sha(article)}  page.txt\n`) },
    ];
    expect(readSidecars(inputs).problems).toEqual([]);
    const archive = processCaptures(inputs);
    expect(() => verifyLedger(inputs, archive)).not.toThrow();
    const provenance = new Map(archive.files.map((file) => [file.file, file.provenance]));
    expect(provenance.get("data/archives/auto/page.txt")).toEqual({
      format: "text",
      sha256: sha(article),
      url: "https://news.example.org/a",
      capturedAt: "2024-08-02T10:15:00.000Z",
      tool: "auto-archiver",
      sidecars: ["data/archives/auto/metadata.json"],
    });
    expect(provenance.get("data/archives/box/page.txt")).toMatchObject({
      url: "https://news.example.org/b",
      capturedAt: "2024-08-02T10:15:00.500Z",
      tool: "ArchiveBox",
      sidecars: ["data/archives/box/hashes.txt", "data/archives/box/index.json"],
    });
    expect(archive.warnings).toEqual([]);
  });

  it("refuses a capture whose SHA-256 is not the one its sidecar gives, naming both files", () => {
    const inputs = [
      { file: "data/archives/box/page.txt", bytes: article },
      { file: "data/archives/box/hashes.txt", bytes: text(`${"ab".repeat(32)} *page.txt\n`) },
    ];
    const problem = {
      file: "data/archives/box/hashes.txt",
      message: `gives data/archives/box/page.txt the SHA-256 ${"ab".repeat(32)}, but the file's is ${sha(article)}`,
      hint: "the capture is not the file the archiving tool hashed: restore the original page.txt from the tool's output (never edit a capture), or remove the sidecar if it belongs to another capture",
    };
    expect(readSidecars(inputs).problems).toEqual([problem]);
    expect(() => processCaptures(inputs)).toThrow(CasefileError);
    expect(() => processCaptures(inputs)).toThrow(problem.message);
  });
});
