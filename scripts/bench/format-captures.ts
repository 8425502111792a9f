/**
 * The synthetic corpus of `npm run bench:archive` written in every capture format, for its
 * per-format throughput table: each text capture as a saved news page (menus, scripts, styles,
 * footer around an `<article>`), the same page as Chrome's MHTML (quoted-printable), as a WARC
 * (warcinfo, request and response records), as a WARC.GZ (each record gzipped), as a WACZ (the
 * WARC.GZ stored, pages.jsonl, datapackage.json) and as a PDF with a text layer (50 lines a page).
 * Deterministic, like the corpus.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import type { CaptureInput } from "../../src/lib/archive/index.ts";
import { escapeHtml, quotedPrintable } from "../../tests/fixtures/make-captures.ts";

const encoder = new TextEncoder();

/** Joins byte arrays. */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The lines of a text capture. */
function linesOf(input: CaptureInput): string[] {
  return new TextDecoder().decode(input.bytes).split(/\r?\n/);
}

/** A text capture as a saved news page: its lines as paragraphs of an article, with site chrome. */
function page(input: CaptureInput, index: number): Uint8Array {
  const paragraphs = linesOf(input)
    .filter((line) => line.trim() !== "")
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join("\n");
  return encoder.encode(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Page ${index}</title>
<link rel="canonical" href="https://news.example.org/${index}">
<style>body{font-family:sans-serif}nav li{display:inline}</style>
<script>window.dataLayer=[];function track(){dataLayer.push(arguments)}track("page",${index});</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
<main><article>
${paragraphs}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets fall as rates rise</a></li><li><a href="/b">Storm closes schools</a></li></ul></aside>
</main>
<footer><p>News Example · About us · Contact · Privacy</p></footer>
<img src="https://tracker.example/p.gif" width="1" height="1" alt="">
</body></html>
`);
}

/** A page as Chrome's MHTML. */
function mhtml(html: Uint8Array, url: string): Uint8Array {
  const boundary = "----MultipartBoundary--bench----";
  return encoder.encode(
    [
      "From: <Saved by Blink>",
      `Snapshot-Content-Location: ${url}`,
      "Subject: Page",
      "Date: Mon, 29 Jul 2024 07:58:12 -0000",
      "MIME-Version: 1.0",
      `Content-Type: multipart/related; type="text/html"; boundary="${boundary}"`,
      "",
      "",
      `--${boundary}`,
      "Content-Type: text/html",
      "Content-Transfer-Encoding: quoted-printable",
      `Content-Location: ${url}`,
      "",
      quotedPrintable(html),
      `--${boundary}--`,
      "",
    ].join("\r\n"),
  );
}

/** A WARC record. */
function record(fields: Record<string, string>, block: Uint8Array): Uint8Array {
  const head = Object.entries({ ...fields, "Content-Length": String(block.length) })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return concat([encoder.encode(`WARC/1.1\r\n${head}\r\n`), block, encoder.encode("\r\n\r\n")]);
}

/** A page's WARC records: warcinfo, request, response. */
function warcRecords(html: Uint8Array, url: string): Uint8Array[] {
  const date = "2024-08-02T10:15:00Z";
  return [
    record(
      { "WARC-Type": "warcinfo", "WARC-Date": date, "Content-Type": "application/warc-fields" },
      encoder.encode("software: bench\r\n"),
    ),
    record(
      { "WARC-Type": "request", "WARC-Date": date, "WARC-Target-URI": url },
      encoder.encode(`GET / HTTP/1.1\r\nHost: news.example.org\r\n\r\n`),
    ),
    record(
      {
        "WARC-Type": "response",
        "WARC-Date": date,
        "WARC-Target-URI": url,
        "Content-Type": "application/http; msgtype=response",
      },
      concat([
        encoder.encode(
          `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n`,
        ),
        html,
      ]),
    ),
  ];
}

/** A WACZ of one page's gzipped WARC. */
function wacz(warcGz: Uint8Array, url: string): Uint8Array {
  const pages = encoder.encode(
    `{"format":"json-pages-1.0","id":"pages"}\n${JSON.stringify({ url, ts: "2024-08-02T10:15:00Z" })}\n`,
  );
  const datapackage = encoder.encode(
    JSON.stringify({
      resources: [
        {
          path: "archive/data.warc.gz",
          hash: `sha256:${createHash("sha256").update(warcGz).digest("hex")}`,
        },
      ],
    }),
  );
  return zipSync({
    "archive/data.warc.gz": [warcGz, { level: 0 }],
    "pages/pages.jsonl": [pages, { level: 6 }],
    "datapackage.json": [datapackage, { level: 6 }],
  });
}

/** A PDF string literal in WinAnsi (characters beyond Latin-1 as `?`). */
function literal(text: string): string {
  return `(${text.replace(/[^\x20-\xff]/g, "?").replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

/** A PDF of a text capture: its lines, wrapped at 90 characters, 50 lines a page. */
function pdf(input: CaptureInput): Uint8Array {
  const lines = linesOf(input).flatMap((line) => {
    if (line.length <= 90) return [line];
    const wrapped: string[] = [];
    let rest = line;
    while (rest.length > 90) {
      const cut = rest.lastIndexOf(" ", 90);
      const at = cut > 0 ? cut : 90;
      wrapped.push(rest.slice(0, at));
      rest = rest.slice(at).trimStart();
    }
    wrapped.push(rest);
    return wrapped;
  });
  const pages: string[][] = [];
  for (let at = 0; at < lines.length; at += 50) pages.push(lines.slice(at, at + 50));
  if (pages.length === 0) pages.push([]);
  // Objects: 1 catalog, 2 page tree, 3 font, then each page (4 + 2i) and its content (5 + 2i).
  const fixed = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  pages.forEach((pageLines, i) => {
    const content = [
      "BT /F1 10 Tf 13 TL 40 800 Td",
      ...pageLines.map((line) => (line === "" ? "T*" : `${literal(line)} Tj T*`)),
      "ET",
    ].join("\n");
    fixed.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    );
  });
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  fixed.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${fixed.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${fixed.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}

/** The formats of the table, each a maker of one capture from a text capture. */
export const benchFormats: Record<string, (input: CaptureInput, index: number) => CaptureInput> = {
  text: (input) => input,
  html: (input, index) => ({ file: `${index}.html`, bytes: page(input, index) }),
  mhtml: (input, index) => ({
    file: `${index}.mhtml`,
    bytes: mhtml(page(input, index), `https://news.example.org/${index}`),
  }),
  warc: (input, index) => ({
    file: `${index}.warc`,
    bytes: concat(warcRecords(page(input, index), `https://news.example.org/${index}`)),
  }),
  "warc.gz": (input, index) => ({
    file: `${index}.warc.gz`,
    bytes: concat(
      warcRecords(page(input, index), `https://news.example.org/${index}`).map((r) => gzipSync(r)),
    ),
  }),
  wacz: (input, index) => {
    const url = `https://news.example.org/${index}`;
    const warcGz = concat(warcRecords(page(input, index), url).map((r) => gzipSync(r)));
    return { file: `${index}.wacz`, bytes: wacz(warcGz, url) };
  },
  pdf: (input, index) => ({ file: `${index}.pdf`, bytes: pdf(input) }),
};
