import { describe, expect, it } from "vitest";
import { htmlFormat } from "../../../../src/lib/archive/formats/html.ts";
import { readPage } from "../../../../src/lib/archive/formats/html-blocks.ts";
import {
  extractCapture,
  type ExtractedCapture,
} from "../../../../src/lib/archive/formats/index.ts";
import { processCaptures, verifyLedger } from "../../../../src/lib/archive/index.ts";
import { CasefileError } from "../../../../src/lib/errors.ts";
import { fixtures } from "../helpers.ts";

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Each block's text. */
function texts(extracted: ExtractedCapture): string[] {
  return extracted.blocks.map((block) => extracted.text.slice(block.from, block.to));
}

/** The error thrown by `run`, or undefined. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Words that only the page's scripts, styles and hidden parts hold (see the fixture). */
const HIDDEN_MARKERS = [
  "SCRIPT-TEXT",
  "STYLE-TEXT",
  "NOSCRIPT-TEXT",
  "TEMPLATE-TEXT",
  "COMMENT-TEXT",
  "HIDDEN-TEXT",
  "DISPLAY-NONE-TEXT",
  "VISIBILITY-HIDDEN-TEXT",
  "ARIA-HIDDEN-TEXT",
  "SVG-TITLE-TEXT",
  "SVG-TEXT",
  "IFRAME-TEXT",
  "INLINE-SCRIPT-TEXT",
  "ONLOAD-TEXT",
  "CLICK-TEXT",
  "alert",
  "steal",
  "tracker",
  "javascript",
  "onclick",
];

describe("the HTML format", () => {
  it("accepts .html and .htm files, whatever their case, and nothing else", () => {
    const bytes = encode("<p>x</p>");
    for (const file of ["a.html", "b.HTM", "c/d.Html"])
      expect(htmlFormat.accepts({ file, bytes })).toBe(true);
    for (const file of ["a.txt", "a.html.txt", "a.mhtml", "html"])
      expect(htmlFormat.accepts({ file, bytes })).toBe(false);
  });

  it("reads SingleFile's comment and the page's metadata (schema.org before Open Graph and <title>)", () => {
    const [input] = fixtures("pages/singlefile-saved-page.html");
    expect(extractCapture(input!).metadata).toEqual({
      title: "Valdoria outage: what we know",
      url: "https://river-news.example/2024/07/29/valdoria-outage",
      author: "Ana Misión, Tom Reed",
      published: "2024-07-29T07:00:00+02:00",
      savedFrom: "https://river-news.example/2024/07/29/valdoria-outage",
      savedAt: "2024-07-29T07:15:42.000Z",
      tool: "SingleFile",
    });
    const [chrome] = fixtures("pages/news-page-with-chrome.html");
    // Without JSON-LD: og:title, the canonical link before og:url, the author <meta>.
    expect(extractCapture(chrome!).metadata).toEqual({
      title: "Valdoria electoral portal knocked offline on results night",
      url: "https://coastal-observer.example/news/valdoria-portal-offline",
      author: "Marta Páez",
      published: "2024-07-29T06:40:00Z",
    });
  });

  it("keeps the article of a page with chrome and labels the chrome with the extractor's reason", () => {
    const inputs = fixtures("pages/news-page-with-chrome.html");
    const archive = processCaptures(inputs);
    expect(() => verifyLedger(inputs, archive)).not.toThrow();
    const extracted = extractCapture(inputs[0]!);
    const textOf = new Map(extracted.blocks.map((block, i) => [block.line, texts(extracted)[i]]));
    const kept = archive.ledger.filter((entry) => entry.status === "kept");
    const chrome = archive.ledger.filter((entry) => entry.status === "boilerplate");
    expect(kept.map((entry) => textOf.get(entry.line))).toEqual([
      "Valdoria electoral portal knocked offline on results night",
      "By Marta Páez, 29 July 2024",
      expect.stringMatching(/^The public results portal of Valdoria’s electoral council went dark/),
      expect.stringMatching(/^The council’s technical director told reporters/),
      "The results portal showing an error page on Sunday night.",
      expect.stringMatching(/^Opposition parties said the outage/),
      expect.stringMatching(/^“The portal is a window onto the count/),
      "What the council says happened",
      expect.stringMatching(/^According to the council, the traffic began at 21:47/),
      "21:47 — traffic rises sharply",
      "22:31 — the portal stops answering",
      "02:10 — the portal returns behind a filtering service",
      expect.stringMatching(/^The agency confirmed on Monday afternoon/),
    ]);
    expect(chrome.map((entry) => textOf.get(entry.line))).toEqual([
      "Home",
      "News",
      "World",
      "Opinion",
      "Sign up for our morning newsletter",
      "Related stories",
      "Council defends paper count after portal outage",
      "Neighbouring country reports attacks on tax office",
      "3 comments",
      "Not surprised at all, this happens every election.",
      "Reply",
      "Where can I see the full results now?",
      "Reply",
      "Leave a comment Post",
      "© 2024 Coastal Observer. All rights reserved.",
      "Privacy policy · Terms of use",
    ]);
    for (const entry of chrome) {
      expect(entry.rule).toBe("outside-main-content");
      expect(entry.reason).toBe("outside the main content, as the extractor judged");
    }
    expect(archive.documents).toHaveLength(1);
    expect(archive.documents[0]!.title).toBe(
      "Valdoria electoral portal knocked offline on results night",
    );
  });

  it("gives no text from scripts, styles, event handlers, hidden parts or tracking pixels", () => {
    const inputs = fixtures("pages/page-with-scripts-and-handlers.html");
    const extracted = extractCapture(inputs[0]!);
    for (const marker of HIDDEN_MARKERS) expect(extracted.text).not.toContain(marker);
    expect(texts(extracted)).toEqual([
      "Statement on the outage",
      expect.stringMatching(/^The electoral council regrets the interruption/),
      expect.stringMatching(
        /^The portal was unavailable between 22:31 and 02:10\. .* the published tallies were checked/,
      ),
      expect.stringMatching(/^The council has asked .* once the inquiry is complete\.$/),
    ]);
    const archive = processCaptures(inputs);
    const shown = JSON.stringify(archive.documents);
    for (const marker of HIDDEN_MARKERS) expect(shown).not.toContain(marker);
    expect(archive.stats.kept).toBe(4);
  });

  it("points every block at its element's bytes", () => {
    for (const input of fixtures(
      "pages/news-page-with-chrome.html",
      "pages/singlefile-saved-page.html",
    )) {
      const extracted = extractCapture(input);
      const decoder = new TextDecoder();
      extracted.blocks.forEach((block, i) => {
        const markup = decoder.decode(input.bytes.subarray(block.start, block.end));
        expect(markup.startsWith("<")).toBe(true);
        expect(markup.endsWith(">")).toBe(true);
        // The bytes read alone give the block again.
        const again = readPage("x.html", markup).blocks.map((entry) => entry.text);
        expect(again).toEqual([texts(extracted)[i]]);
      });
    }
    const page =
      "<div>Intro <b>text</b><ul><li>One</li><li>Two<ol><li>Two a</li></ol></li></ul> and a tail</div>";
    const extracted = htmlFormat.extract({ file: "mixed.html", bytes: encode(page) });
    const ranges = extracted.blocks.map((block) => page.slice(block.start, block.end));
    expect(ranges).toEqual([
      "<div>Intro <b>text</b>",
      "<li>One</li>",
      "<li>Two",
      "<li>Two a</li>",
      " and a tail",
    ]);
    expect(texts(extracted)).toEqual(["Intro text", "One", "Two", "Two a", "and a tail"]);
  });

  it("numbers blocks as lines of the extracted text, blank lines between them", () => {
    const page = "<h1>Title</h1><p>One<br>line two</p><pre>  code\n  more\n</pre><p>Last</p>";
    const extracted = htmlFormat.extract({ file: "lines.html", bytes: encode(page) });
    expect(extracted.text).toBe("Title\n\nOne\nline two\n\n  code\n  more\n\nLast");
    expect(extracted.blocks.map((block) => block.line)).toEqual([1, 3, 6, 9]);
    const lines = extracted.text.split("\n");
    for (const block of extracted.blocks)
      expect(lines[block.line - 1]).toBe(extracted.text.slice(block.from, block.to).split("\n")[0]);
  });

  it("splits paragraphs at two line breaks and collapses whitespace as a browser shows it", () => {
    const page = "<div>First   paragraph\n of text<br><br>\n<br>Second&nbsp;one &amp; more</div>";
    const extracted = htmlFormat.extract({ file: "br.html", bytes: encode(page) });
    expect(texts(extracted)).toEqual(["First paragraph of text", "Second\u00a0one & more"]);
  });

  it("reads the encoding a page declares, and finds each block's bytes in it", () => {
    const latin = Buffer.from(
      '<html><head><meta charset="windows-1252"></head><body><p>Misi\u00f3n \u201cDigital\u201d</p><p>P\u00e1ez</p></body></html>',
      "latin1",
    );
    // U+201C and U+201D are 0x93 and 0x94 in windows-1252.
    latin[latin.indexOf(0x1c)] = 0x93;
    latin[latin.indexOf(0x1d)] = 0x94;
    const read = htmlFormat.extract({ file: "cp1252.html", bytes: new Uint8Array(latin) });
    expect(read.encoding).toBe("windows-1252");
    expect(texts(read)).toEqual(["Misión “Digital”", "Páez"]);
    expect(
      Buffer.from(latin.subarray(read.blocks[1]!.start, read.blocks[1]!.end)).toString("latin1"),
    ).toBe("<p>P\u00e1ez</p>");
    // Shift_JIS: 日本 is 93 FA 96 7B; offsets are found by decoding again, byte by byte.
    const sjis = Uint8Array.from([
      ...encode('<meta charset="shift_jis"><p>'),
      0x93,
      0xfa,
      0x96,
      0x7b,
      ...encode("</p><p>ok</p>"),
    ]);
    const japanese = htmlFormat.extract({ file: "sjis.html", bytes: sjis });
    expect(japanese.encoding).toBe("shift_jis");
    expect(texts(japanese)).toEqual(["日本", "ok"]);
    expect(japanese.blocks.map((block) => [block.start, block.end])).toEqual([
      [26, 37],
      [37, 46],
    ]);
    // UTF-8 with a BOM, and valid UTF-8 that declares a legacy encoding (a re-encoded save).
    const bom = htmlFormat.extract({ file: "bom.html", bytes: encode("\ufeff<p>Páez</p>") });
    expect(bom.encoding).toBe("utf-8-bom");
    expect(bom.blocks[0]).toMatchObject({ start: 3, end: 3 + encode("<p>Páez</p>").length });
    const resaved = htmlFormat.extract({
      file: "resaved.html",
      bytes: encode('<meta charset="iso-8859-1"><p>Páez “quoted”</p>'),
    });
    expect(resaved.encoding).toBe("utf-8");
    expect(texts(resaved)).toEqual(["Páez “quoted”"]);
  });

  it("keeps every block, with a warning, when the extractor finds no article", () => {
    const page = "<footer><p>© 2024 Coastal Observer</p><p>Privacy policy</p></footer>";
    const extracted = htmlFormat.extract({ file: "menu.html", bytes: encode(page) });
    expect(texts(extracted)).toEqual(["© 2024 Coastal Observer", "Privacy policy"]);
    expect(extracted.blocks.every((block) => block.rule === undefined)).toBe(true);
    expect(extracted.warnings).toEqual([
      expect.objectContaining({
        file: "menu.html",
        message: expect.stringMatching(/no main content/),
      }),
    ]);
    const empty = htmlFormat.extract({
      file: "empty.html",
      bytes: encode("<html><body></body></html>"),
    });
    expect(empty).toMatchObject({ text: "", blocks: [], warnings: [] });
  });

  it("refuses pages nested too deep or too large with a CasefileError naming the file", () => {
    const deep = "<div>".repeat(5000) + "text";
    const error = thrown(() => htmlFormat.extract({ file: "deep.html", bytes: encode(deep) }));
    expect(error).toBeInstanceOf(CasefileError);
    expect((error as CasefileError).file).toBe("deep.html");
    expect((error as CasefileError).detail).toBe("nests HTML elements more than 400 deep");
    const many = thrown(() =>
      readPage("many.html", "<b></b>".repeat(50), { depth: 400, elements: 20 }),
    );
    expect(many).toBeInstanceOf(CasefileError);
    expect((many as CasefileError).detail).toBe("holds more than 20 HTML elements");
    // Paragraphs left open are closed by the next one, so a long page of them stays shallow.
    const unclosed = "<p>text".repeat(2000);
    expect(
      htmlFormat.extract({ file: "unclosed.html", bytes: encode(unclosed) }).blocks,
    ).toHaveLength(2000);
  });

  it(
    "reads a large page, every block of it, and extracts it (speed: npm run eval:extraction)",
    () => {
      const paragraph = (i: number): string =>
        `<div class="c${i % 7}"><p>Paragraph ${i} of a long report, with <a href="#${i}">a link</a> and <em>some emphasis</em> in it, long enough to be prose.</p></div>\n`;
      const paragraphs = Array.from({ length: 20000 }, (_, i) => paragraph(i));
      const page = paragraphs.join("");
      expect(readPage("big.html", page).blocks).toHaveLength(20000);
      const extracted = htmlFormat.extract({
        file: "big.html",
        bytes: encode(paragraphs.slice(0, 10000).join("")),
      });
      expect(extracted.blocks).toHaveLength(10000);
    },
    // A hang, not a speed, fails this test: speed is measured by the benchmarks.
    120_000,
  );
});
