import { gunzipSync, gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { extractCapture, formatOf } from "../../../../src/lib/archive/formats/index.ts";
import { waczFormat } from "../../../../src/lib/archive/formats/wacz.ts";
import { warcFormat } from "../../../../src/lib/archive/formats/warc.ts";
import { processCaptures, verifyLedger } from "../../../../src/lib/archive/index.ts";
import { CasefileError, type CasefileProblem } from "../../../../src/lib/errors.ts";
import { wacz, warcRecord } from "../../../fixtures/make-captures.ts";
import { fixtures } from "../helpers.ts";

// The WARC, WARC.GZ and WACZ fixtures (made by tests/fixtures/make-captures.ts) hold
// pages/news-page-with-chrome.html as browsertrix records it: warcinfo, request, response, and a
// response for an image.

const text = (value: string): Uint8Array => new TextEncoder().encode(value);
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

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

/** A response record holding an HTML page. */
function htmlResponse(url: string, html: string, extra = ""): Uint8Array {
  const body = text(html);
  return warcRecord(
    {
      "WARC-Type": "response",
      "WARC-Date": "2024-08-02T10:15:00Z",
      "WARC-Target-URI": url,
      "Content-Type": "application/http; msgtype=response",
    },
    Buffer.concat([
      text(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n${extra}\r\n`),
      Buffer.from(body),
    ]),
  );
}

const [warc, warcGz, waczInput] = fixtures(
  "archives/browsertrix-page.warc",
  "archives/browsertrix-page.warc.gz",
  "archives/webrecorder-page.wacz",
);
const [page] = fixtures("pages/news-page-with-chrome.html");

describe("the WARC and WACZ formats", () => {
  it("are picked for .warc, .warc.gz and .wacz files", () => {
    expect(formatOf(warc!)).toBe(warcFormat);
    expect(formatOf(warcGz!)).toBe(warcFormat);
    expect(formatOf(waczInput!)).toBe(waczFormat);
  });

  it("read the archived page as the HTML format reads the page itself, with where and when it was captured", () => {
    const alone = extractCapture(page!);
    for (const input of [warc!, warcGz!, waczInput!]) {
      const extracted = extractCapture(input);
      expect(extracted.text, input.file).toBe(alone.text);
      expect(
        extracted.blocks.map((block) => [block.line, block.rule]),
        input.file,
      ).toEqual(alone.blocks.map((block) => [block.line, block.rule]));
      expect(extracted.metadata?.savedFrom).toBe("https://news.example.org/2024/08/portal-outage");
      expect(extracted.metadata?.savedAt).toBe("2024-08-02T10:15:00.000Z");
      expect(extracted.warnings).toEqual([]);
    }
    expect(extractCapture(warc!).metadata?.tool).toBe(
      "Browsertrix-Crawler 1.2.4 (with warcio.js 2.2.1)",
    );
    // The crawler's name (its warcinfo record) before the packager's (datapackage.json).
    expect(extractCapture(waczInput!).metadata?.tool).toBe(
      "Browsertrix-Crawler 1.2.4 (with warcio.js 2.2.1)",
    );
  });

  it("place each block on its element's bytes in a .warc, and on its record's gzip member otherwise", () => {
    const alone = extractCapture(page!);
    const plain = extractCapture(warc!);
    plain.blocks.forEach((block, i) => {
      const original = alone.blocks[i]!;
      expect(latin1(warc!.bytes.subarray(block.start, block.end))).toBe(
        latin1(page!.bytes.subarray(original.start, original.end)),
      );
    });
    for (const input of [warcGz!, waczInput!]) {
      for (const block of extractCapture(input).blocks) {
        const member = input.bytes.subarray(block.start, block.end);
        expect(member[0]).toBe(0x1f);
        const record = latin1(gunzipSync(member));
        expect(record).toMatch(/^WARC\/1\.1\r\nWARC-Type: response/);
        expect(record).toContain("Valdoria");
      }
    }
  });

  it("read no record but HTML responses: images, requests and scripts stay unread", () => {
    const script = warcRecord(
      {
        "WARC-Type": "response",
        "WARC-Target-URI": "https://news.example.org/app.js",
        "Content-Type": "application/http; msgtype=response",
      },
      text("HTTP/1.1 200 OK\r\nContent-Type: application/javascript\r\n\r\ndocument.title='pwned'"),
    );
    const input = {
      file: "x.warc",
      bytes: Buffer.concat([
        script,
        htmlResponse(
          "https://news.example.org/a",
          '<html><head><style>p{color:red}</style><script>fetch("https://tracker.example/x")</script></head><body><article><p>The ministry said the portal was down for two hours on Monday morning.</p><img src="https://tracker.example/pixel.gif" width="1" height="1"></article></body></html>',
        ),
      ]),
    };
    const extracted = extractCapture(input);
    expect(extracted.text).toBe(
      "The ministry said the portal was down for two hours on Monday morning.",
    );
    expect(extracted.text).not.toMatch(/pwned|tracker|color/);
  });

  it("read chunked and gzip-encoded responses, placing their blocks on the whole body", () => {
    const html = "<html><body><p>A chunked and compressed page about the outage.</p></body></html>";
    const gz = gzipSync(text(html));
    const chunked = Buffer.concat([
      text(`${gz.length.toString(16)}\r\n`),
      gz,
      text("\r\n0\r\n\r\n"),
    ]);
    const record = warcRecord(
      {
        "WARC-Type": "response",
        "WARC-Target-URI": "https://news.example.org/b",
        "Content-Type": "application/http; msgtype=response",
      },
      Buffer.concat([
        text(
          "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n",
        ),
        chunked,
      ]),
    );
    const extracted = extractCapture({ file: "b.warc", bytes: record });
    expect(extracted.text).toBe("A chunked and compressed page about the outage.");
    const [block] = extracted.blocks;
    expect(latin1(record.subarray(block!.start, block!.end))).toBe(latin1(chunked));
  });

  it("read what recorders write in the wild: a body the browser decoded under Content-Encoding, a Content-Length one byte short", () => {
    const decoded = htmlResponse(
      "https://news.example.org/d",
      "<html><body><p>Stored decoded by the browser, its gzip header kept.</p></body></html>",
      "Content-Encoding: gzip\r\n",
    );
    expect(extractCapture({ file: "d.warc", bytes: decoded }).text).toBe(
      "Stored decoded by the browser, its gzip header kept.",
    );
    // The first record's Content-Length says one byte fewer than its block holds.
    const first = latin1(decoded).replace(
      /Content-Length: (\d+)/,
      (_, n: string) => `Content-Length: ${Number(n) - 1}`,
    );
    const bytes = Buffer.concat([
      Buffer.from(first, "latin1"),
      htmlResponse("https://news.example.org/e", "<p>The second page of the archive.</p>"),
    ]);
    expect(extractCapture({ file: "e.warc", bytes }).text).toBe(
      "Stored decoded by the browser, its gzip header kept.\n\nThe second page of the archive.",
    );
  });

  it("read a listed page's text from pages.jsonl when its HTML is not in the WACZ", () => {
    const bytes = wacz(
      gzipSync(text("")).subarray(0, 0),
      [
        {
          url: "https://news.example.org/c",
          ts: "2024-08-03T09:00:00Z",
          title: "A page kept as text",
          text: "A page kept as text\nIts first paragraph, as the crawler saw it.",
        },
      ],
      "2024-08-03T09:05:00Z",
    );
    const extracted = extractCapture({ file: "c.wacz", bytes });
    expect(extracted.text).toBe("A page kept as text\nIts first paragraph, as the crawler saw it.");
    expect(extracted.metadata).toEqual({
      savedFrom: "https://news.example.org/c",
      savedAt: "2024-08-03T09:00:00.000Z",
      title: "A page kept as text",
      tool: "py-wacz 0.5.0",
    });
    const archive = processCaptures([{ file: "c.wacz", bytes }]);
    expect(() => verifyLedger([{ file: "c.wacz", bytes }], archive)).not.toThrow();
  });

  it("warn when an archive holds no HTML page", () => {
    const extracted = extractCapture({ file: "empty.warc", bytes: new Uint8Array() });
    expect(extracted.warnings.map((warning) => warning.message)).toEqual([
      "the WARC holds no HTML page (no response record with a text/html body and status 200), so it has no text to archive",
    ]);
  });
});

describe("hostile and damaged web archives", () => {
  const hint =
    "export the WARC (or the WACZ holding it) again from the tool that made it; a file cut short or edited by hand cannot be read";

  it("refuse a malformed WARC, naming the capture and the byte where it breaks", () => {
    expect(
      problemOf(() => extractCapture({ file: "a.warc", bytes: text("<html>not a warc</html>") })),
    ).toEqual({
      file: "a.warc",
      message:
        'is not a readable WARC file: the record at byte 0 does not start with a WARC version line (found "<html>not a ")',
      hint,
      line: undefined,
      field: undefined,
    });
    expect(
      problemOf(() => extractCapture({ file: "b.warc", bytes: warc!.bytes.subarray(0, 700) }))
        .message,
    ).toBe("is not a readable WARC file: the record at byte 669 is cut short inside its header");
    const cut = warc!.bytes.subarray(0, warc!.bytes.length - 10);
    expect(problemOf(() => extractCapture({ file: "b.warc", bytes: cut })).message).toMatch(
      /^is not a readable WARC file: the record at byte \d+ is cut short: its Content-Length is \d+ bytes, only \d+ remain$/,
    );
    const noLength = text("WARC/1.0\r\nWARC-Type: response\r\n\r\nabc");
    expect(problemOf(() => extractCapture({ file: "c.warc", bytes: noLength })).message).toBe(
      'is not a readable WARC file: the record at byte 0 has no valid Content-Length (found "none")',
    );
    const damaged = new Uint8Array(warcGz!.bytes);
    damaged.fill(0x55, 40, 80);
    expect(problemOf(() => extractCapture({ file: "d.warc.gz", bytes: damaged })).message).toMatch(
      /^is not a readable WARC file: the gzipped record at byte 0 is damaged/,
    );
  });

  it("stop a gzip bomb in a WARC once it unpacks to more than a capture may", () => {
    const bomb = gzipSync(Buffer.alloc(210_000_000), { level: 9 });
    const problem = problemOf(() => extractCapture({ file: "bomb.warc.gz", bytes: bomb }));
    expect(problem.message).toMatch(
      /^the gzipped record at byte 0 unpacks to more than 200,000,000 bytes, more than the 200,000,000 bytes one capture may unpack/,
    );
    expect(problem.hint).toMatch(/hostile, so remove it/);
  });

  it("refuse a zip bomb in a WACZ by its declared size, before unpacking, and by its actual size", () => {
    const zip = zipSync({
      "pages/pages.jsonl": [text('{"url":"https://x.example/"}\n'), { level: 6 }],
    });
    const declared = new Uint8Array(zip);
    const view = new DataView(declared.buffer);
    // The central directory's "uncompressed size" of the one entry, claimed to be 4 GB.
    const central = latin1(declared).lastIndexOf("PK\u0001\u0002");
    view.setUint32(central + 24, 0xfffffff0, true);
    expect(problemOf(() => extractCapture({ file: "bomb.wacz", bytes: declared })).message).toBe(
      'its entry "pages/pages.jsonl" unpacks to more than 4,294,967,280 bytes, more than the 200,000,000 bytes one capture may unpack (a zip bomb, or an archive of many pages)',
    );
    const actual = new Uint8Array(zip);
    new DataView(actual.buffer).setUint32(central + 24, 4, true);
    expect(problemOf(() => extractCapture({ file: "bomb.wacz", bytes: actual })).message).toMatch(
      /^its entry "pages\/pages.jsonl" unpacks to more than \d+ bytes/,
    );
  });

  it("refuse a WACZ entry whose path leads out of the archive", () => {
    for (const name of ["../../etc/cron.d/x", "/etc/passwd", "archive\\..\\x.warc"]) {
      const zip = zipSync({ [name]: [text("x"), { level: 0 }] });
      const problem = problemOf(() => extractCapture({ file: "trick.wacz", bytes: zip }));
      expect(problem.message).toBe(
        `holds an entry named "${name}", a path that leads out of the archive`,
      );
      expect(problem.hint).toMatch(/made to trick a reader/);
    }
  });

  it("refuse a WACZ whose entry does not match its CRC or datapackage.json's SHA-256", () => {
    // A byte of the stored WARC changed: the zip's CRC-32 no longer matches.
    const edited = new Uint8Array(waczInput!.bytes);
    const member = latin1(edited).indexOf("\u001f\u008b");
    edited[member + 200] = edited[member + 200]! ^ 0xff;
    expect(problemOf(() => extractCapture({ file: "e.wacz", bytes: edited })).message).toBe(
      'is not a readable zip (WACZ) file: "archive/data.warc.gz" does not match its checksum (CRC-32): the file is damaged',
    );
    // A page list replaced after the WACZ was made (its CRC-32 made anew): datapackage.json's hash.
    const pages = text('{"url":"https://news.example.org/other"}\n');
    const datapackage = text(
      JSON.stringify({
        resources: [{ path: "pages/pages.jsonl", hash: `sha256:${"0".repeat(64)}` }],
      }),
    );
    const swapped = zipSync({ "pages/pages.jsonl": pages, "datapackage.json": datapackage });
    expect(problemOf(() => extractCapture({ file: "g.wacz", bytes: swapped }))).toMatchObject({
      file: "g.wacz",
      message: expect.stringMatching(
        /^pages\/pages\.jsonl does not match the SHA-256 that datapackage\.json gives it \(000000000000…, the entry's is [0-9a-f]{12}…\)$/,
      ) as unknown,
    });
  });

  it("refuse a file that is not a zip", () => {
    expect(problemOf(() => extractCapture({ file: "f.wacz", bytes: text("hello") })).message).toBe(
      "is not a readable zip (WACZ) file: no end of central directory (not a zip, or cut short)",
    );
  });
});
