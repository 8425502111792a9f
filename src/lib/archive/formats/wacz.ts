/**
 * Web archives packaged as WACZ (`.wacz`: Webrecorder's ArchiveWeb.page, browsertrix,
 * auto-archiver): a zip of WARCs (`archive/*.warc.gz`), indexes, `pages/pages.jsonl` (url, ts,
 * title and often the page's text) and `datapackage.json` (every resource with its hash). The
 * pages listed in pages.jsonl are read from the WARCs by the WARC format, one entry and one record
 * at a time; a listed page whose HTML is not in the WARCs is read from its pages.jsonl text. A
 * resource whose bytes do not match the hash datapackage.json gives is an error.
 */
import { createHash } from "node:crypto";
import { CasefileError } from "../../errors.ts";
import { isoTime } from "./html-metadata.ts";
import { PageCollector, type Placer } from "./page-collector.ts";
import type { CaptureFormat, CaptureMetadata } from "./types.ts";
import { finish, readWarc, type WarcFindings } from "./warc.ts";
import { entryBytes, zipEntries, type InflateBudget, type ZipEntry } from "./zip.ts";

/** The WACZ format: files named `.wacz`. */
export const waczFormat: CaptureFormat = {
  name: "wacz",
  description: "web archive collections (.wacz)",
  block: "element",
  accepts: (capture) => /\.wacz$/i.test(capture.file),
  extract: ({ file, bytes }) => {
    const collector = new PageCollector(file, waczFormat);
    const budget: InflateBudget = { used: 0 };
    const entries = zipEntries(file, bytes);
    const hashes = declaredHashes(file, bytes, entries, budget);
    const read = (entry: ZipEntry): Uint8Array => {
      const data = entryBytes(file, bytes, entry, budget);
      checkHash(file, entry, data, hashes);
      return data;
    };
    const listed = entries.filter((entry) => /^pages\/[^/]+\.jsonl$/.test(entry.name));
    const pages = listed.flatMap((entry) => pageLines(file, entry, read(entry)));
    const urls = pages.length > 0 ? new Set(pages.map((page) => page.url)) : undefined;
    const findings: WarcFindings = { pages: [] };
    for (const entry of entries) {
      if (!/^archive\/[^/]+\.warc(?:\.gz)?$/i.test(entry.name)) continue;
      const data = read(entry);
      const stored = entry.method === 0;
      const found = readWarc(
        `${file}: ${entry.name}`,
        data,
        budget,
        collector,
        stored ? entry.dataStart : 0,
        urls,
        // A deflated entry's pages are placed on the entry's bytes (stored ones, the usual case, exactly).
        stored
          ? undefined
          : { start: entry.dataStart, end: entry.dataStart + entry.compressedSize },
      );
      findings.pages.push(...found.pages);
      if (found.software !== undefined) findings.software ??= found.software;
    }
    const fromWarc = new Set(findings.pages.map((page) => page.url));
    for (const page of pages) {
      if (fromWarc.has(page.url) || page.text === undefined || page.text.trim() === "") continue;
      collector.addText(page.text, page.place);
      findings.pages.push({ url: page.url });
    }
    const first = pages[0];
    if (first !== undefined) collector.metadata = pageMetadata(first, collector.metadata);
    // The crawler that captured the pages (a WARC's warcinfo) before the tool that packaged them.
    const software = findings.software ?? hashes.software;
    if (software !== undefined) findings.software = software;
    finish(file, collector, findings, "the WACZ");
    return collector.result();
  },
};

/** One line of pages.jsonl, with where its text lies in the capture file. */
interface ListedPage {
  url: string;
  ts?: string;
  title?: string;
  text?: string;
  /** Places a range of `text` in the capture file. */
  place: Placer;
}

/** The pages a pages.jsonl entry lists (its header line, with `format`, is skipped). */
function pageLines(file: string, entry: ZipEntry, data: Uint8Array): ListedPage[] {
  const pages: ListedPage[] = [];
  const decoder = new TextDecoder();
  let at = 0;
  let line = 0;
  while (at < data.length) {
    const newline = data.indexOf(10, at);
    const end = newline < 0 ? data.length : newline;
    line++;
    const raw = decoder.decode(data.subarray(at, end)).trim();
    const lineStart = at;
    at = end + 1;
    if (raw === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CasefileError({
        file,
        message: `${entry.name} line ${line} is not JSON`,
        hint: 'each line of pages.jsonl is one JSON object ({"url": …, "ts": …}); export the WACZ again from the tool that made it',
      });
    }
    if (typeof value !== "object" || value === null) continue;
    const record = value as Record<string, unknown>;
    if (typeof record["url"] !== "string") continue;
    const page: ListedPage = {
      url: record["url"],
      // A stored entry's text is placed on its line; a deflated one's on the entry's bytes.
      place:
        entry.method === 0
          ? () => ({ start: entry.dataStart + lineStart, end: entry.dataStart + end })
          : () => ({ start: entry.dataStart, end: entry.dataStart + entry.compressedSize }),
    };
    if (typeof record["ts"] === "string") page.ts = record["ts"];
    if (typeof record["title"] === "string") page.title = record["title"];
    if (typeof record["text"] === "string") page.text = record["text"].replace(/\r\n?/g, "\n");
    pages.push(page);
  }
  return pages;
}

/** What pages.jsonl says of the first page, over what its HTML said. */
function pageMetadata(page: ListedPage, found: CaptureMetadata | undefined): CaptureMetadata {
  const metadata: CaptureMetadata = { ...found, savedFrom: page.url };
  if (page.ts !== undefined) metadata.savedAt = isoTime(page.ts);
  if (metadata.title === undefined && page.title !== undefined) metadata.title = page.title;
  return metadata;
}

/** What datapackage.json declares: resource hashes by path, and the software that wrote it. */
interface Declared {
  hashes: Map<string, string>;
  software?: string;
}

/** The sha256 hashes datapackage.json gives its resources. */
function declaredHashes(
  file: string,
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  budget: InflateBudget,
): Declared {
  const declared: Declared = { hashes: new Map() };
  const entry = entries.find((candidate) => candidate.name === "datapackage.json");
  if (entry === undefined) return declared;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(entryBytes(file, bytes, entry, budget)));
  } catch {
    throw new CasefileError({
      file,
      message: "datapackage.json is not JSON",
      hint: "export the WACZ again from the tool that made it",
    });
  }
  const data = (value ?? {}) as { resources?: unknown; software?: unknown };
  if (typeof data.software === "string") declared.software = data.software;
  for (const resource of Array.isArray(data.resources) ? (data.resources as unknown[]) : []) {
    const { path, hash } = (resource ?? {}) as { path?: unknown; hash?: unknown };
    if (typeof path === "string" && typeof hash === "string" && /^sha256:[0-9a-f]{64}$/i.test(hash))
      declared.hashes.set(path, hash.slice(7).toLowerCase());
  }
  return declared;
}

/** Throws when an entry's bytes do not have the hash datapackage.json gives them. */
function checkHash(file: string, entry: ZipEntry, data: Uint8Array, declared: Declared): void {
  const expected = declared.hashes.get(entry.name);
  if (expected === undefined) return;
  const actual = createHash("sha256").update(data).digest("hex");
  if (actual === expected) return;
  throw new CasefileError({
    file,
    message: `${entry.name} does not match the SHA-256 that datapackage.json gives it (${expected.slice(0, 12)}…, the entry's is ${actual.slice(0, 12)}…)`,
    hint: "the WACZ was changed after it was made: use the file as the tool exported it, or export it again",
  });
}
