import { describe, expect, it } from "vitest";
import { extractPage } from "../../../../src/lib/archive/formats/html.ts";
import { readPage } from "../../../../src/lib/archive/formats/html-blocks.ts";
import { extractCapture, formatOf } from "../../../../src/lib/archive/formats/index.ts";
import { mhtmlFormat } from "../../../../src/lib/archive/formats/mhtml.ts";
import { decodeBody, headerText, readEntity } from "../../../../src/lib/archive/formats/mime.ts";
import { processCaptures, verifyLedger } from "../../../../src/lib/archive/index.ts";
import { CasefileError } from "../../../../src/lib/errors.ts";
import { fixtures } from "../helpers.ts";

// The two MHTML fixtures hold the two HTML fixtures of the same folder: chrome-quoted-printable
// (as Chrome writes it) news-page-with-chrome.html, hunchly-base64 singlefile-saved-page.html.

/** Latin-1 text of bytes, in which offsets are byte offsets. */
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

/** An MHTML message around one HTML part. */
function message(headers: string, part: string, body: string): Uint8Array {
  return new Uint8Array(
    Buffer.from(
      `${headers}Content-Type: multipart/related; boundary="b1"\r\n\r\n--b1\r\n${part}\r\n${body}\r\n--b1--\r\n`,
      "utf8",
    ),
  );
}

describe("the MHTML format", () => {
  it("accepts .mhtml and .mht files, and is picked for them", () => {
    for (const input of fixtures(
      "pages/chrome-quoted-printable.mhtml",
      "pages/hunchly-base64.mhtml",
    ))
      expect(formatOf(input)).toBe(mhtmlFormat);
    expect(mhtmlFormat.accepts({ file: "x.MHT", bytes: new Uint8Array() })).toBe(true);
    expect(mhtmlFormat.accepts({ file: "x.html", bytes: new Uint8Array() })).toBe(false);
  });

  it("reads a quoted-printable page: the page's blocks, placed exactly in the MHTML bytes", () => {
    const [input] = fixtures("pages/chrome-quoted-printable.mhtml");
    const [html] = fixtures("pages/news-page-with-chrome.html");
    const extracted = extractCapture(input!);
    const page = extractCapture(html!);
    // The same text and verdicts as the page saved as HTML.
    expect(extracted.text).toBe(page.text);
    expect(extracted.blocks.map(({ line, rule }) => ({ line, rule }))).toEqual(
      page.blocks.map(({ line, rule }) => ({ line, rule })),
    );
    const text = latin1(input!.bytes);
    for (const block of extracted.blocks) {
      // The block's bytes, decoded as quoted-printable, are its element's markup.
      const entity = {
        headers: new Map([["content-transfer-encoding", "quoted-printable"]]),
        bodyStart: block.start,
        bodyEnd: block.end,
      };
      const markup = new TextDecoder().decode(decodeBody(text, entity).bytes);
      expect(readPage("x.html", markup).blocks.map((entry) => entry.text)).toEqual([
        extracted.text.slice(block.from, block.to),
      ]);
    }
    expect(extracted.metadata).toEqual({
      title: "Valdoria electoral portal knocked offline on results night",
      url: "https://coastal-observer.example/news/valdoria-portal-offline",
      author: "Marta Páez",
      published: "2024-07-29T06:40:00Z",
      savedFrom: "https://coastal-observer.example/news/valdoria-portal-offline",
      savedAt: "2024-07-29T07:58:12.000Z",
      tool: "Chrome (Blink)",
    });
  });

  it("reads a base64 page: each block placed on the base64 quartets that hold its bytes", () => {
    const [input] = fixtures("pages/hunchly-base64.mhtml");
    const [html] = fixtures("pages/singlefile-saved-page.html");
    const extracted = extractCapture(input!);
    const page = extractCapture(html!);
    expect(extracted.text).toBe(page.text);
    const text = latin1(input!.bytes);
    extracted.blocks.forEach((block, i) => {
      const quartets = text.slice(block.start, block.end).replace(/\s+/g, "");
      expect(quartets.length % 4).toBe(0);
      const decoded = Buffer.from(quartets, "base64");
      const own = html!.bytes.subarray(page.blocks[i]!.start, page.blocks[i]!.end);
      expect(decoded.includes(Buffer.from(own))).toBe(true);
      expect(decoded.length - own.length).toBeLessThanOrEqual(4);
    });
    expect(extracted.metadata).toMatchObject({
      title: "Valdoria outage: what we know",
      author: "Ana Misión, Tom Reed",
      savedFrom: "https://river-news.example/2024/07/29/valdoria-outage",
      savedAt: "2024-07-29T07:20:00.000Z",
    });
  });

  it("decodes encoded words in the Subject, which titles a page that has no title of its own", () => {
    expect(headerText("=?utf-8?Q?Valdoria_portal_?= =?utf-8?Q?=E2=80=93_Coastal?=")).toBe(
      "Valdoria portal – Coastal",
    );
    expect(
      headerText("=?UTF-8?B?VmFsZG9yaWEgb3V0YWdlOiB3aGF0IHdlIGtub3cg4oCTIFJpdmVyIE5ld3M=?="),
    ).toBe("Valdoria outage: what we know – River News");
    expect(headerText("=?iso-8859-1?Q?Misi=F3n?= Digital")).toBe("Misión Digital");
    expect(headerText("Plain subject")).toBe("Plain subject");
    const [input] = fixtures("pages/chrome-quoted-printable.mhtml");
    const top = readEntity(latin1(input!.bytes), 0, input!.bytes.length);
    expect(headerText(top.headers.get("subject")!)).toBe(
      "Valdoria electoral portal knocked offline on results night – Coastal Observer",
    );
    const untitled = message(
      "Subject: =?utf-8?Q?Comunicado_de_la_Misi=C3=B3n?=\r\nDate: Tue, 30 Jul 2024 12:00:00 +0000\r\n",
      "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n",
      "<p>La misión confirmó la interrupción del portal.</p>",
    );
    const read = mhtmlFormat.extract({ file: "untitled.mhtml", bytes: untitled });
    expect(read.metadata).toEqual({
      title: "Comunicado de la Misión",
      savedAt: "2024-07-30T12:00:00.000Z",
    });
    expect(read.text).toBe("La misión confirmó la interrupción del portal.");
    const start = read.blocks[0]!.start;
    expect(Buffer.from(untitled.subarray(start, read.blocks[0]!.end)).toString()).toBe(
      "<p>La misión confirmó la interrupción del portal.</p>",
    );
  });

  it("finds each quoted-printable byte's place, soft line breaks and escapes included", () => {
    const body = "<p>caf=C3=A9 =\r\nlong line</p>";
    const text = `X: y\r\n\r\n${body}`;
    const entity = { ...readEntity(text, 0, text.length) };
    entity.headers.set("content-transfer-encoding", "quoted-printable");
    const decoded = decodeBody(text, entity);
    expect(Buffer.from(decoded.bytes).toString()).toBe("<p>café long line</p>");
    const page = extractPage("qp.html", decoded.bytes);
    const place = decoded.place(page.blocks[0]!.start, page.blocks[0]!.end);
    expect(text.slice(place.start, place.end)).toBe(body);
    // "é" alone is bytes 6–7 of the page: "=C3=A9" in the message.
    expect(text.slice(decoded.place(6, 8).start, decoded.place(6, 8).end)).toBe("=C3=A9");
  });

  it("refuses a file without a web page with a CasefileError naming it", () => {
    const noPage = message("", "Content-Type: text/css\r\n", "p { color: red }");
    const error = (() => {
      try {
        mhtmlFormat.extract({ file: "styles.mhtml", bytes: noPage });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CasefileError);
    expect((error as CasefileError).file).toBe("styles.mhtml");
    expect((error as CasefileError).detail).toMatch(/no text\/html part/);
  });

  it("archives the same page saved as HTML and as MHTML as one document with two copies", () => {
    const inputs = fixtures(
      "pages/news-page-with-chrome.html",
      "pages/chrome-quoted-printable.mhtml",
    );
    const archive = processCaptures(inputs);
    expect(() => verifyLedger(inputs, archive)).not.toThrow();
    expect(archive.documents).toHaveLength(1);
    expect(archive.documents[0]!.copies.map((copy) => copy.file)).toEqual([
      "tests/fixtures/archive/pages/chrome-quoted-printable.mhtml",
      "tests/fixtures/archive/pages/news-page-with-chrome.html",
    ]);
    expect(archive.stats.boilerplateByRule["outside-main-content"]).toBe(32);
  });
});
