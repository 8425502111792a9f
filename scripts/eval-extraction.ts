/**
 * `npm run eval:extraction -- <folder>… [--text] [--json]`: scores body-text extraction from saved
 * pages against pages whose article body is known. With `--text`, each page is first turned into
 * the text a browser's select-all and copy gives (`pastedText`: the visible text of the whole page,
 * one line per block, menus and footers included) and scored as a pasted-text capture; the
 * label line precision (labelled lines that are not article body, over labelled lines) and the
 * share of chrome tokens labelled are shown beside the F1. Each page is archived alone (`processCaptures`);
 * the text of its **kept** ledger entries is compared with the expected body by token F1 (the
 * harmonic mean of precision and recall over word tokens, counted as multisets). The F1 of the
 * blocks the HTML format judged main content (before the engine's own rules and duplicates) is
 * shown beside it, and throughput is the pages' bytes over the time `processCaptures` took: CPU
 * time of the process (the work of one core; see `bench-archive.ts`) and wall-clock.
 *
 * A folder holds pages in one of two layouts, both public test suites kept outside this
 * repository (their pages are not ours to commit):
 * - `<name>/source.html` with `<name>/expected.html` (Mozilla Readability's `test/test-pages`);
 * - `fixtures/<name>.html` with `expected/<name>.md` (defuddle's `tests`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { extractCapture } from "../src/lib/archive/formats/index.ts";
import { readPage } from "../src/lib/archive/formats/html-blocks.ts";
import { processCaptures, type CaptureInput } from "../src/lib/archive/index.ts";

/** One page to score. */
interface Page {
  /** Name shown in the report. */
  name: string;
  /** The saved page. */
  source: string;
  /** The expected body's words. */
  expected: string[];
  /** The expected body's blocks (texts). */
  expectedBlocks: string[];
}

/** One page's scores. */
interface Score {
  /** Lines labelled boilerplate, and how many of them are not article body (text mode). */
  labelled: number;
  labelledChrome: number;
  /** Tokens of lines that are not article body, and how many of them were labelled (text mode). */
  chromeTokens: number;
  chromeTokensLabelled: number;
  name: string;
  /** Token F1 of the kept text. */
  f1: number;
  precision: number;
  recall: number;
  /** Token F1 of the blocks judged main content. */
  mainF1: number;
  bytes: number;
  milliseconds: number;
  /** CPU milliseconds of the process (all threads) while `processCaptures` ran. */
  cpuMilliseconds: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text, lower-cased. */
function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The text of an expected.html: its blocks' text, as the HTML format reads a page. */
function htmlText(html: string): string {
  return readPage("expected.html", `<body>${html}</body>`)
    .blocks.map((block) => block.text)
    .join("\n");
}

/**
 * The text a browser's select-all and copy gives of a page: its visible blocks, menus and
 * footers included, one line per block (and per `<br>`), scripts, styles and hidden elements left
 * out (as `readPage` reads them).
 */
function pastedText(html: string): string {
  const { blocks } = readPage("source.html", html);
  let text = "";
  blocks.forEach((block, i) => {
    const previous = blocks[i - 1];
    // A table's cells are copied as one line per row, the cells apart by tabs.
    const sameRow =
      previous !== undefined &&
      CELL.has(block.tag) &&
      CELL.has(previous.tag) &&
      !ROW_END.test(html.slice(previous.end, block.start));
    text += (i === 0 ? "" : sameRow ? "\t" : "\n") + block.text.trim();
  });
  return text;
}

/** Table cells, and what ends a row of them. */
const CELL = new Set(["td", "th"]);
const ROW_END = /<\/?(?:tr|table|tbody|thead|tfoot)[\s>]/i;

/** The expected body's blocks as word strings (" a b c "), to tell body lines from chrome. */
function bodyBlocks(page: Page): string[] {
  return page.expectedBlocks.map((block) => ` ${words(block).join(" ")} `);
}

/**
 * True when a pasted line is article body: its words, in order, are a whole expected block or
 * (three words or more) a run inside one.
 */
function isBody(line: string, blocks: readonly string[]): boolean {
  const tokens = words(line);
  if (tokens.length === 0) return true;
  const needle = ` ${tokens.join(" ")} `;
  return blocks.some((block) => (tokens.length >= 3 ? block.includes(needle) : block === needle));
}

/** The text of an expected .md: its front matter, link targets, images and markup left out. */
function markdownText(markdown: string): string {
  return markdown
    .replace(/^```json\n[\s\S]*?\n```\n/, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/https?:\/\/\S+/g, " ");
}

/** The pages of a folder, in either layout. */
function pagesOf(folder: string): Page[] {
  const pages: Page[] = [];
  if (existsSync(join(folder, "fixtures")) && existsSync(join(folder, "expected"))) {
    for (const file of readdirSync(join(folder, "fixtures")).sort()) {
      const expected = join(folder, "expected", file.replace(/\.html$/, ".md"));
      if (!file.endsWith(".html") || !existsSync(expected)) continue;
      pages.push({
        name: `${basename(folder)}/${file}`,
        source: join(folder, "fixtures", file),
        expected: words(markdownText(readFileSync(expected, "utf8"))),
        expectedBlocks: markdownText(readFileSync(expected, "utf8")).split(/\n\s*\n/),
      });
    }
    return pages;
  }
  for (const name of readdirSync(folder).sort()) {
    const source = join(folder, name, "source.html");
    const expected = join(folder, name, "expected.html");
    if (!statSync(join(folder, name)).isDirectory() || !existsSync(source) || !existsSync(expected))
      continue;
    const body = htmlText(readFileSync(expected, "utf8"));
    pages.push({ name, source, expected: words(body), expectedBlocks: body.split("\n") });
  }
  return pages;
}

/** Precision, recall and F1 of `got` against `want`, as multisets of tokens. */
function tokenF1(got: readonly string[], want: readonly string[]) {
  const counts = new Map<string, number>();
  for (const token of want) counts.set(token, (counts.get(token) ?? 0) + 1);
  let hits = 0;
  for (const token of got) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      hits++;
      counts.set(token, left - 1);
    }
  }
  const precision = got.length === 0 ? (want.length === 0 ? 1 : 0) : hits / got.length;
  const recall = want.length === 0 ? 1 : hits / want.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Archives one capture, timed by the clock and by the process's CPU time. */
function timedArchive(input: CaptureInput) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const archive = processCaptures([input]);
  const used = process.cpuUsage(cpu);
  const milliseconds = performance.now() - start;
  return { archive, milliseconds, cpuMilliseconds: (used.user + used.system) / 1000 };
}

/** Scores one page as a pasted-text capture. */
function scoreText(page: Page): Score {
  const text = pastedText(readFileSync(page.source, "utf8"));
  const bytes = Buffer.from(text, "utf8");
  const input = { file: `${page.name.replaceAll("/", "-")}.txt`, bytes };
  const { archive, milliseconds, cpuMilliseconds } = timedArchive(input);
  const lines = text.split("\n");
  const blocks = bodyBlocks(page);
  const kept: string[] = [];
  let labelled = 0;
  let labelledChrome = 0;
  let chromeTokens = 0;
  let chromeTokensLabelled = 0;
  for (const entry of archive.ledger) {
    const line = lines[entry.line - 1] ?? "";
    const body = isBody(line, blocks);
    const count = words(line).length;
    if (!body) chromeTokens += count;
    if (entry.status === "kept") kept.push(line);
    else if (entry.status === "boilerplate") {
      labelled++;
      if (!body) {
        labelledChrome++;
        chromeTokensLabelled += count;
      }
    }
  }
  const { precision, recall, f1 } = tokenF1(words(kept.join("\n")), page.expected);
  const mainF1 = tokenF1(words(text), page.expected).f1;
  return {
    name: page.name,
    f1,
    precision,
    recall,
    mainF1,
    bytes: bytes.length,
    milliseconds,
    cpuMilliseconds,
    labelled,
    labelledChrome,
    chromeTokens,
    chromeTokensLabelled,
  };
}

/** Scores one page. */
function score(page: Page): Score {
  const bytes = readFileSync(page.source);
  const input = { file: `${page.name.replaceAll("/", "-")}.html`, bytes };
  const { archive, milliseconds, cpuMilliseconds } = timedArchive(input);
  const texts = new Map<string, string>();
  for (const document of archive.documents)
    for (const paragraph of document.paragraphs) texts.set(paragraph.id, paragraph.text);
  const kept = archive.ledger
    .filter((entry) => entry.status === "kept")
    .map((entry) => texts.get(entry.paragraph!) ?? "");
  const { precision, recall, f1 } = tokenF1(words(kept.join("\n")), page.expected);
  const extracted = extractCapture(input);
  const main = extracted.blocks
    .filter((block) => block.rule === undefined)
    .map((block) => extracted.text.slice(block.from, block.to));
  const mainF1 = tokenF1(words(main.join("\n")), page.expected).f1;
  return {
    name: page.name,
    f1,
    precision,
    recall,
    mainF1,
    bytes: bytes.length,
    milliseconds,
    cpuMilliseconds,
    labelled: 0,
    labelledChrome: 0,
    chromeTokens: 0,
    chromeTokensLabelled: 0,
  };
}

/** Mean and median of numbers. */
function summary(values: readonly number[]): { mean: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { mean: values.reduce((sum, value) => sum + value, 0) / values.length, median };
}

function main(argv: readonly string[]): number {
  const json = argv.includes("--json");
  const scoreOf = argv.includes("--text") ? scoreText : score;
  const folders = argv.filter((arg) => !arg.startsWith("--"));
  if (folders.length === 0) {
    process.stderr.write(
      "usage: npm run eval:extraction -- <folder>… [--text] [--json]\n" +
        "  a folder of <name>/source.html + <name>/expected.html (Readability's test pages),\n" +
        "  or of fixtures/<name>.html + expected/<name>.md (defuddle's tests)\n",
    );
    return 2;
  }
  const results = folders.map((folder) => {
    const pages = pagesOf(folder);
    // Warm the JIT on the first pages, so that throughput is the steady state's.
    for (const page of pages.slice(0, 5)) scoreOf(page);
    const scores = pages.map(scoreOf);
    const sum = (field: "labelled" | "labelledChrome" | "chromeTokens" | "chromeTokensLabelled") =>
      scores.reduce((total, entry) => total + entry[field], 0);
    const bytes = scores.reduce((sum, entry) => sum + entry.bytes, 0);
    const seconds = scores.reduce((sum, entry) => sum + entry.milliseconds, 0) / 1000;
    const cpuSeconds = scores.reduce((sum, entry) => sum + entry.cpuMilliseconds, 0) / 1000;
    return {
      folder,
      pages: scores.length,
      f1: summary(scores.map((entry) => entry.f1)),
      precision: summary(scores.map((entry) => entry.precision)).mean,
      recall: summary(scores.map((entry) => entry.recall)).mean,
      mainF1: summary(scores.map((entry) => entry.mainF1)),
      megabytes: bytes / 1e6,
      throughput: bytes / 1e6 / seconds,
      cpuThroughput: bytes / 1e6 / cpuSeconds,
      labelPrecision: sum("labelled") === 0 ? 1 : sum("labelledChrome") / sum("labelled"),
      chromeLabelled:
        sum("chromeTokens") === 0 ? 1 : sum("chromeTokensLabelled") / sum("chromeTokens"),
      worst: [...scores].sort((a, b) => a.f1 - b.f1).slice(0, 8),
    };
  });
  if (json) {
    process.stdout.write(JSON.stringify(results, null, 2) + "\n");
    return 0;
  }
  const fixed = (value: number): string => value.toFixed(3);
  for (const result of results) {
    process.stdout.write(
      [
        `${result.folder}: ${result.pages} pages, ${result.megabytes.toFixed(1)} MB`,
        `  kept text   token F1 mean ${fixed(result.f1.mean)}, median ${fixed(result.f1.median)} (precision ${fixed(result.precision)}, recall ${fixed(result.recall)})`,
        argv.includes("--text")
          ? `  whole paste token F1 mean ${fixed(result.mainF1.mean)}; label line precision ${fixed(result.labelPrecision)}, chrome tokens labelled ${fixed(result.chromeLabelled)}`
          : `  main content token F1 mean ${fixed(result.mainF1.mean)}, median ${fixed(result.mainF1.median)}`,
        `  throughput  ${result.cpuThroughput.toFixed(2)} MB/s of CPU time, ${result.throughput.toFixed(2)} MB/s wall (processCaptures, one page at a time)`,
        `  lowest F1   ${result.worst.map((entry) => `${entry.name} ${entry.f1.toFixed(2)}`).join(", ")}`,
        "",
      ].join("\n"),
    );
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
