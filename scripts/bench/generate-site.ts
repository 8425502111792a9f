/**
 * Deterministic synthetic Casefile site for the build benchmark: N incidents with write-ups of
 * realistic length (headings, lists, a GFM table, links, three `<Chart>`s), twenty sources each
 * over a shared pool of 200 outlets, claims with stances, events.csv, and about 100 KB of captures
 * per incident in the duplication shapes of ARCHIVE-SHAPES.md (pasted twice, syndicated across
 * three outlets with edits, abridged copy, quoted paragraphs, compilation with x-separators,
 * nav/share chrome). Also writes the same write-ups as plain MDX (charts removed) into a bare
 * Astro 7 project for the baseline build.
 *
 * CLI: `node scripts/bench/generate-site.ts --incidents 10 --out /tmp/casefile-bench [--seed 7]`
 * writes `<out>/site` (a CASEFILE_SITE folder) and `<out>/bare` (a bare Astro project).
 */
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { incidentStatuses, incidentTypes } from "../../src/schemas/incident.ts";
import { outletKinds } from "../../src/schemas/outlet.ts";
import type { documentKinds } from "../../src/schemas/sources.ts";

type OutletKind = (typeof outletKinds)[number];
type DocumentKind = (typeof documentKinds)[number];

/** What a generated site holds, for the benchmark's report. */
export interface GeneratedSite {
  /** Incident ids, sorted. */
  incidents: string[];
  /** Outlets in the shared pool. */
  outlets: number;
  /** Sources over all incidents. */
  sources: number;
  /** Capture files written. */
  captures: number;
  /** Bytes of captures written. */
  captureBytes: number;
  /** Words of write-up prose over all incidents (Markdown body, charts excluded). */
  words: number;
}

/** Options of `generateSite`. */
export interface GenerateOptions {
  /** Folder that receives `site/` and `bare/`; emptied first. */
  out: string;
  /** Number of incidents. */
  incidents: number;
  /** PRNG seed. */
  seed?: number;
  /** node_modules the bare project links to (default: this project's). */
  nodeModules?: string;
}

/** The project root (two levels up from this file). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const OUTLETS = 200;
const SOURCES_PER_INCIDENT = 20;

/** Mulberry32: a small, fast, seeded PRNG returning numbers in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random helpers over one PRNG. */
class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < count && pool.length > 0)
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0] as T);
    return out;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// A vocabulary large enough that unrelated paragraphs share few word shingles (as real prose does).
const NOUNS =
  "ministry portal council server address network traffic connection packet request botnet attacker vendor analyst report statement bulletin government agency operator provider gateway firewall router subdomain website page database record ballot tally result election candidate opposition official spokesperson prosecutor journalist outlet newspaper broadcaster blog column interview witness researcher investigator sample log timestamp window surge spike peak outage delay disruption campaign claim denial attribution origin country region registry certificate domain host device camera modem account credential password leak archive document file evidence screenshot video map ranking dashboard feed channel audience citizen voter observer mission auditor contractor engineer administrator team unit office department committee parliament court judge lawyer hearing warrant investigation inquiry response mitigation patch update vulnerability exploit payload malware script defacement banner slogan message signature group collective persona handle profile thread post repost quote translation summary headline caption byline dateline".split(
    " ",
  );
const VERBS =
  "reported confirmed denied claimed observed recorded measured published described attributed blamed disputed questioned repeated quoted cited translated summarised noted estimated counted detected blocked mitigated restored delayed disrupted targeted scanned flooded defaced leaked exposed archived removed edited corrected updated announced acknowledged rejected suggested argued concluded assessed traced linked compared verified".split(
    " ",
  );
const ADJECTIVES =
  "official independent unverified partial detailed brief technical public private national regional foreign local sudden sustained short prolonged massive modest unusual routine malicious automated anonymous named unnamed earlier later preliminary final contested consistent inconsistent plausible doubtful credible specific vague careful hasty second-hand first-hand".split(
    " ",
  );
const LINKS = [
  "however",
  "meanwhile",
  "the same day",
  "by contrast",
  "in particular",
  "at the time",
  "two days later",
  "in a later statement",
  "as far as we can tell",
  "in the version we hold",
];
const NAMES =
  "Ana Páez|Luis Herrera|María Gómez|Jorge Misión|Elena Ruiz|Tomás Vidal|Sofía Castro|Pedro Núñez|Lucía Ortega|Diego Ramos|Irene Molina|Carlos Suárez|Marta León|Andrés Rojas|Paula Medina|Rafael Soto|Julia Navarro|Óscar Prieto|Clara Benítez|Hugo Serrano".split(
    "|",
  );
const COUNTRIES = [
  "VE",
  "BO",
  "PE",
  "EC",
  "CO",
  "AR",
  "CL",
  "MX",
  "BR",
  "UY",
  "PY",
  "ES",
  "PT",
  "FR",
  "DE",
  "PL",
  "UA",
  "GE",
  "KE",
  "ZA",
];
const ZONES: Record<string, string> = {
  VE: "America/Caracas",
  BO: "America/La_Paz",
  PE: "America/Lima",
  EC: "America/Guayaquil",
  CO: "America/Bogota",
  AR: "America/Argentina/Buenos_Aires",
  CL: "America/Santiago",
  MX: "America/Mexico_City",
  BR: "America/Sao_Paulo",
  UY: "America/Montevideo",
  PY: "America/Asuncion",
  ES: "Europe/Madrid",
  PT: "Europe/Lisbon",
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  PL: "Europe/Warsaw",
  UA: "Europe/Kyiv",
  GE: "Asia/Tbilisi",
  KE: "Africa/Nairobi",
  ZA: "Africa/Johannesburg",
};
/** Every vocabulary but "other", which no generated incident needs. */
const TYPES = incidentTypes.filter((type) => type !== "other");
const SECTORS = [
  "government",
  "elections",
  "media",
  "telecommunications",
  "finance",
  "health",
  "energy",
  "education",
];
const GRADES = ["A", "B", "C", "D", "E", "F"] as const;
const STANCES = ["asserts", "disputes", "mentions"] as const;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Prose from a seeded PRNG: sentences, paragraphs, headlines. */
class Prose {
  readonly dice: Dice;
  constructor(dice: Dice) {
    this.dice = dice;
  }
  words(count: number): string {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const roll = this.dice.next();
      out.push(
        roll < 0.45
          ? this.dice.pick(NOUNS)
          : roll < 0.7
            ? this.dice.pick(ADJECTIVES)
            : roll < 0.9
              ? this.dice.pick(VERBS)
              : this.dice.pick([
                  "the",
                  "of",
                  "to",
                  "and",
                  "in",
                  "on",
                  "by",
                  "with",
                  "from",
                  "that",
                ]),
      );
    }
    return out.join(" ");
  }
  sentence(): string {
    const d = this.dice;
    const shapes = [
      () =>
        `The ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)} ${d.pick(VERBS)} ${d.int(2, 9_999).toLocaleString("en")} ${d.pick(NOUNS)}s ${this.words(d.int(4, 9))}`,
      () =>
        `${d.pick(NAMES)}, a ${d.pick(NOUNS)} at the ${d.pick(NOUNS)}, ${d.pick(VERBS)} that the ${d.pick(NOUNS)} was ${d.pick(ADJECTIVES)} ${this.words(d.int(3, 8))}`,
      () =>
        `${capitalise(d.pick(LINKS))}, the ${d.pick(NOUNS)} ${d.pick(VERBS)} the ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)} ${this.words(d.int(5, 10))}`,
      () =>
        `According to the ${d.pick(NOUNS)}, ${d.int(3, 97)} % of the ${d.pick(NOUNS)}s came from ${d.pick(COUNTRIES)} between ${d.int(0, 23)}:${String(d.int(0, 59)).padStart(2, "0")} and ${d.int(0, 23)}:${String(d.int(0, 59)).padStart(2, "0")} ${this.words(d.int(2, 6))}`,
      () =>
        `“${capitalise(this.words(d.int(5, 11)))},” the ${d.pick(NOUNS)} ${d.pick(VERBS)}, ${this.words(d.int(3, 7))}`,
    ];
    return `${capitalise(d.pick(shapes)())}.`;
  }
  paragraph(sentences: number): string {
    return Array.from({ length: sentences }, () => this.sentence()).join(" ");
  }
  /** A paragraph of about `chars` characters. */
  paragraphOf(chars: number): string {
    let text = this.sentence();
    while (text.length < chars) text += ` ${this.sentence()}`;
    return text;
  }
  headline(): string {
    const d = this.dice;
    return capitalise(
      `${d.pick(ADJECTIVES)} ${d.pick(NOUNS)} ${d.pick(VERBS)} ${d.pick(["after", "during", "before", "amid"])} ${d.pick(ADJECTIVES)} ${d.pick(NOUNS)} ${d.pick(NOUNS)}`,
    );
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An outlet of the shared pool. */
interface OutletSpec {
  id: string;
  name: string;
  kind: OutletKind;
  country: string;
  reliability: (typeof GRADES)[number];
}

function makeOutlets(dice: Dice): OutletSpec[] {
  const first = [
    "Daily",
    "Evening",
    "Morning",
    "National",
    "Free",
    "People's",
    "Independent",
    "Open",
    "Southern",
    "Northern",
  ];
  const second = [
    "Courier",
    "Observer",
    "Herald",
    "Tribune",
    "Monitor",
    "Review",
    "Dispatch",
    "Ledger",
    "Signal",
    "Bulletin",
    "Wire",
    "Post",
    "Voice",
    "Record",
    "Digest",
  ];
  return Array.from({ length: OUTLETS }, (_, index) => ({
    id: `outlet-${pad(index + 1, 3)}`,
    name: `The ${first[index % first.length]} ${second[Math.floor(index / first.length) % second.length]} ${index >= 150 ? "Online" : ""}`.trim(),
    kind: dice.pick(outletKinds),
    country: dice.pick(COUNTRIES),
    reliability: dice.pick(GRADES),
  }));
}

function outletsYaml(outlets: OutletSpec[], prose: Prose): string {
  const lines = [
    "# Synthetic outlets for the build benchmark (scripts/bench/generate-site.ts).",
    "",
  ];
  for (const outlet of outlets) {
    lines.push(
      `- id: ${outlet.id}`,
      `  name: ${yamlString(outlet.name)}`,
      `  homepage: https://${outlet.id}.example.org/`,
      `  kind: ${outlet.kind}`,
      `  country: ${outlet.country}`,
      `  note: ${yamlString(prose.sentence())}`,
      `  reliability: ${outlet.reliability}`,
      `  rationale: ${yamlString(prose.sentence())}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** An article: headline, deck and body paragraphs, captured in several shapes. */
interface Article {
  headline: string;
  deck: string;
  paragraphs: string[];
}

function article(prose: Prose, paragraphs: number, chars = 450): Article {
  return {
    headline: prose.headline(),
    deck: prose.sentence(),
    paragraphs: Array.from({ length: paragraphs }, () => prose.paragraphOf(chars)),
  };
}

/** Capture shapes (ARCHIVE-SHAPES.md), each a function of an article to the captured text. */
const shapes = {
  /** A: teaser, nine paragraphs one per line, `Source`, the same again, final `Source` without newline. */
  pastedTwice: (a: Article) =>
    [a.deck, ...a.paragraphs, "Source", ...a.paragraphs, "Source"].join("\n"),
  /** Plain article: headline, byline, body separated by blank lines. */
  plain: (a: Article, byline: string) =>
    [a.headline, "", byline, "", a.deck, "", ...a.paragraphs.flatMap((p) => [p, ""])].join("\n"),
  /** B: state broadcaster page with nav bullets, breadcrumb, doubled caption, related teaser, tag, comment counter. */
  broadcaster: (a: Article, dice: Dice, country: string, related: string) => {
    const caption = a.deck.slice(0, 80).replace(/\.$/, "");
    const middle = Math.floor(a.paragraphs.length / 2);
    return [
      "• Live",
      "    • Audio Only",
      "• Latest",
      "  • google plus",
      "  • facebook",
      "  • twitter",
      "",
      `News > ${country}`,
      "",
      a.headline,
      "",
      `    • ${caption}`,
      `${caption} | Photo: Twitter/ @${dice.pick(NAMES).split(" ")[0]?.toLowerCase()}${dice.int(1, 99)}`,
      "",
      `Published ${dice.int(1, 28)} ${dice.pick(MONTHS)} ${dice.int(2015, 2025)}`,
      "",
      a.deck,
      "",
      ...a.paragraphs.slice(0, middle).flatMap((p) => [p, ""]),
      related,
      "",
      ...a.paragraphs.slice(middle).flatMap((p) => [p, "", ""]),
      dice.pick(NAMES),
      "",
      "Post with no comments.",
      "",
    ].join("\n");
  },
  /** C: another broadcaster: spaced breadcrumb, (Via AFP) caption, Read more:, share footer. */
  channel: (a: Article, dice: Dice, country: string, outletName: string) =>
    [
      `News   /   ${country}`,
      "",
      a.headline,
      "",
      `${a.deck.replace(/\.$/, "")} (Via AFP)`,
      "",
      ...a.paragraphs.slice(0, 3).flatMap((p) => [p, ""]),
      `Read more: ${dice.pick(NOUNS)} ${dice.pick(VERBS)} in ${country}`,
      "",
      `A ${dice.pick(NOUNS)} outside the ${dice.pick(NOUNS)} (Photo by AFP)`,
      "",
      `“${capitalise(dice.pick(ADJECTIVES))} ${dice.pick(NOUNS)}”`,
      "",
      ...a.paragraphs.slice(3).flatMap((p) => [p, ""]),
      `${outletName} can also be reached at alternate addresses if the main site is blocked in your country.`,
      `${outletName.toLowerCase().replaceAll(" ", "")}.example.net`,
      "SHARE THIS ARTICLE",
      `Watch ${outletName} on your TV: Android TV, Apple TV, Roku and Fire TV apps`,
      "",
    ].join("\n"),
  /** E: a republication: headline suffix, byline line, small edits, optionally one extra or missing paragraph. */
  republication: (
    a: Article,
    dice: Dice,
    outletName: string,
    options: { extra?: string; abridge?: number },
  ) => {
    const body = a.paragraphs
      .slice(0, a.paragraphs.length - (options.abridge ?? 0))
      .map((p, index) =>
        index === 2 ? p.replace(/\bthe\b/, "this").replace(/\.$/, ", it said.") : p,
      );
    return [
      `${a.headline} ${dice.pick(["-", "|"])} ${outletName}`,
      "",
      dice.chance(0.5)
        ? `By ${outletName} (Posted ${dice.pick(MONTHS).slice(0, 3)} ${pad(dice.int(1, 28), 2)}, ${dice.int(2015, 2025)})`
        : `Originally published: ${outletName} on ${dice.pick(MONTHS)} ${dice.int(1, 28)}, ${dice.int(2015, 2025)} (more by ${outletName})  |`,
      "",
      a.deck,
      "",
      ...body.flatMap((p) => [p, ""]),
      ...(options.extra ? [options.extra, ""] : []),
    ].join("\n");
  },
  /** D: a blog post compiling several articles, with a reading list and x-separators. */
  compilation: (
    intro: string[],
    articles: { article: Article; outlet: string }[],
    dice: Dice,
    title: string,
  ) => {
    const sep = () => "x".repeat(dice.int(26, 29));
    const date = `${dice.pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])}, ${dice.pick(MONTHS)} ${dice.int(1, 28)}, ${dice.int(2015, 2025)}`;
    const list = articles.map(
      ({ article: a, outlet }, index) =>
        `${index + 1}). “${a.headline}”, ${dice.pick(MONTHS).slice(0, 3)} ${dice.int(1, 28)}, ${dice.int(2015, 2025)}, ${dice.pick(NAMES)}, ${outlet}, at < https://${outlet.toLowerCase().replaceAll(" ", "-")}.example.org/${index}/ >.`,
    );
    const lines = [
      date,
      title,
      "",
      ...list,
      "",
      `~~ recommended by ${dice.pick(NAMES)} ~~`,
      "",
      ...intro.flatMap((p) => [p, ""]),
      sep(),
      "",
      "",
      sep(),
      "",
    ];
    lines.push(
      "Please click on this link to listen to the Soundcloud:",
      `https://soundcloud.example.com/track-${dice.int(1000, 9999)}`,
      "",
    );
    for (const { article: a, outlet } of articles) {
      lines.push(
        sep(),
        `${a.headline} ${dice.pick(["-", "|"])} ${outlet}`,
        a.deck,
        `By ${dice.pick(NAMES)}  –  ${dice.pick(MONTHS).slice(0, 3)} ${dice.int(1, 28)}, ${dice.int(2015, 2025)}`,
        "",
      );
      a.paragraphs.forEach((p, index) => {
        lines.push(p, "");
        if (index === 1) lines.push(`| ${dice.int(1, 9)} | ${outlet}`, "");
        if (index === 3)
          lines.push(
            `  • ${dice.pick(NOUNS)} ${dice.pick(VERBS)}`,
            `  • ${dice.pick(NOUNS)} ${dice.pick(VERBS)}`,
            "",
          );
      });
    }
    lines.push("No comments:", "", "Post a Comment", "");
    return lines.join("\n");
  },
};

/** A source of one incident, with its capture text (if any). */
interface SourceSpec {
  id: string;
  title: string;
  outlet: OutletSpec;
  kind: DocumentKind;
  author: string;
  published: string;
  capture: string;
  republishedFrom?: string;
  crlf?: boolean;
  bom?: boolean;
}

/** One incident's files, as text. */
interface IncidentFiles {
  id: string;
  mdx: string;
  plainMdx: string;
  sourcesYaml: string;
  eventsCsv: string;
  data: Record<string, string>;
  captures: { path: string; bytes: Uint8Array }[];
  words: number;
}

function makeIncident(index: number, seed: number, outlets: OutletSpec[]): IncidentFiles {
  const dice = new Dice(seed * 7919 + index * 104729);
  const prose = new Prose(dice);
  const year = 2015 + (index % 10);
  const type = dice.pick(TYPES);
  const country = dice.pick(COUNTRIES);
  const zone = ZONES[country] ?? "UTC";
  const id = `${year}-bench-${pad(index + 1, 4)}-${type}`;
  const month = dice.int(1, 12);
  const dayOfMonth = dice.int(1, 20);
  const start = `${year}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
  const end = `${year}-${pad(month, 2)}-${pad(dayOfMonth + dice.int(1, 7), 2)}`;
  const offset = "+00:00";
  const target = `${capitalise(dice.pick(ADJECTIVES))} ${dice.pick(NOUNS)} ${dice.pick(["portal", "network", "service", "website"])}`;

  // Sources: twenty, over the outlet pool, each with one capture in a shape of ARCHIVE-SHAPES.md.
  const pool = dice.sample(outlets, SOURCES_PER_INCIDENT);
  const outletAt = (i: number) => pool[i]!;
  const syndicated = article(prose, 9);
  const quoted = article(prose, 8);
  const sources: SourceSpec[] = [];
  const add = (
    spec: Omit<SourceSpec, "id" | "author" | "published" | "title"> & { title?: string },
  ) => {
    const number = sources.length + 1;
    sources.push({
      id: `s${pad(number, 2)}-${spec.outlet.id}`,
      title: spec.title ?? prose.headline(),
      author: dice.pick(NAMES),
      published: `${year}-${pad(month, 2)}-${pad(Math.min(28, dayOfMonth + dice.int(0, 8)), 2)}`,
      ...spec,
    });
  };
  const byline = () =>
    `By ${dice.pick(NAMES)}  –  ${dice.pick(MONTHS).slice(0, 3)} ${dice.int(1, 28)}, ${year}`;
  // A: pasted twice.
  add({ outlet: outletAt(0), kind: "news-report", capture: shapes.pastedTwice(article(prose, 9)) });
  // E: syndicated across three outlets: original, republication with an extra paragraph, abridged republication.
  add({
    outlet: outletAt(1),
    kind: "news-report",
    title: syndicated.headline,
    capture: shapes.plain(syndicated, byline()),
    crlf: true,
  });
  const original = sources[1]!.id;
  add({
    outlet: outletAt(2),
    kind: "news-report",
    title: syndicated.headline,
    republishedFrom: original,
    capture: shapes.republication(syndicated, dice, outletAt(2).name, {
      extra: prose.paragraphOf(400),
    }),
  });
  add({
    outlet: outletAt(3),
    kind: "aggregator",
    title: syndicated.headline,
    republishedFrom: original,
    capture: shapes.republication(syndicated, dice, outletAt(3).name, { abridge: 2 }),
    bom: true,
  });
  // E: an article, and another that quotes two of its paragraphs verbatim.
  add({
    outlet: outletAt(4),
    kind: "technical-analysis",
    title: quoted.headline,
    capture: shapes.plain(quoted, byline()),
  });
  const quoting = article(prose, 7);
  quoting.paragraphs.splice(3, 0, quoted.paragraphs[1]!, quoted.paragraphs[4]!);
  add({ outlet: outletAt(5), kind: "opinion", capture: shapes.plain(quoting, byline()) });
  // D: a compilation of four articles (one of them the syndicated one), with x-separators.
  add({
    outlet: outletAt(6),
    kind: "aggregator",
    capture: shapes.compilation(
      [prose.paragraphOf(900), prose.paragraphOf(700)],
      [
        { article: syndicated, outlet: outletAt(1).name },
        { article: article(prose, 7), outlet: dice.pick(outlets).name },
        { article: article(prose, 6), outlet: dice.pick(outlets).name },
        { article: article(prose, 6), outlet: dice.pick(outlets).name },
      ],
      dice,
      prose.headline(),
    ),
  });
  // B and C: news pages with chrome.
  for (let i = 0; i < 5; i++)
    add({
      outlet: outletAt(7 + i),
      kind: "news-report",
      capture: shapes.broadcaster(article(prose, 8), dice, country, prose.headline()),
      crlf: i === 2,
    });
  for (let i = 0; i < 4; i++)
    add({
      outlet: outletAt(12 + i),
      kind: "news-report",
      capture: shapes.channel(article(prose, 8), dice, country, outletAt(12 + i).name),
    });
  // Plain statements, analyses and interviews.
  const kinds: DocumentKind[] = [
    "official-statement",
    "technical-analysis",
    "interview",
    "social-post",
  ];
  for (let i = 0; i < 4; i++)
    add({
      outlet: outletAt(16 + i),
      kind: kinds[i]!,
      capture: shapes.plain(article(prose, i === 3 ? 2 : 7), byline()),
    });

  const sourceIds = sources.map((source) => source.id);
  const sourcesYaml = [
    `# Synthetic sources of ${id} (scripts/bench/generate-site.ts).`,
    "sources:",
    ...sources.flatMap((source) => [
      `  - id: ${source.id}`,
      `    title: ${yamlString(source.title)}`,
      `    outlet: ${source.outlet.id}`,
      `    kind: ${source.kind}`,
      `    author: ${yamlString(source.author)}`,
      `    published: "${source.published}"`,
      `    url: https://${source.outlet.id}.example.org/${id}/${source.id}`,
      `    captures: [${id}/${source.id}.txt]`,
      ...(source.republishedFrom ? [`    republished_from: ${source.republishedFrom}`] : []),
      `    credibility: ${dice.int(2, 5)}`,
      `    rationale: ${yamlString(prose.sentence())}`,
    ]),
    "claims:",
    ...Array.from({ length: 6 }, (_, c) => [
      `  - id: claim-${c + 1}`,
      `    text: ${yamlString(prose.sentence())}`,
      "    stances:",
      ...dice
        .sample(sourceIds, dice.int(3, 8))
        .map((source) => `      ${source}: ${dice.pick(STANCES)}`),
    ]).flat(),
  ].join("\n");

  const eventsCsv = [
    "time,label,sources",
    ...Array.from({ length: 12 }, (_, e) => {
      const day = Math.min(28, dayOfMonth + Math.floor(e / 2));
      const time = `${year}-${pad(month, 2)}-${pad(day, 2)}T${pad((e * 5) % 24, 2)}:${pad(dice.int(0, 59), 2)}:00${offset}`;
      return `${time},${csvCell(prose.sentence())},${dice.sample(sourceIds, dice.int(1, 3)).join(" ")}`;
    }),
  ].join("\n");

  const days = Array.from(
    { length: 10 },
    (_, d) => `${year}-${pad(month, 2)}-${pad(Math.min(28, dayOfMonth + d), 2)}`,
  );
  const data = {
    "daily-requests.csv": [
      "day,requests",
      ...[...new Set(days)].map((day) => `${day},${dice.int(50, 9000)}`),
    ].join("\n"),
    "origins.csv": [
      "country,share",
      ...dice.sample(COUNTRIES, 8).map((code) => `${code},${dice.int(2, 40)}`),
    ].join("\n"),
    "hourly-connections.csv": [
      "hour,connections",
      ...Array.from({ length: 24 }, (_, h) => `${h},${dice.int(100, 20000)}`),
    ].join("\n"),
  };
  const charts = [
    `<Chart data="daily-requests.csv" caption="Requests per day to the ${target.toLowerCase()}, as reported. Not independently verified." plot={(d) => ({ y: { label: "Requests", grid: true }, x: { type: "band", label: null, tickFormat: "%-d %b" }, marks: [Plot.barY(d, { x: "day", y: "requests" }), Plot.ruleY([0])] })} />`,
    `<Chart data="origins.csv" caption="Share of the traffic by country of the source addresses, as reported." plot={(d) => ({ marginLeft: 60, x: { label: "Share (%)", grid: true }, y: { label: null }, marks: [Plot.barX(d, { x: "share", y: "country", sort: { y: "-x" } }), Plot.ruleX([0])] })} />`,
    `<Chart data="hourly-connections.csv" caption="Connections per hour on the first day (local time)." plot={(d) => ({ x: { label: "Hour" }, y: { label: "Connections", grid: true }, marks: [Plot.lineY(d, { x: "hour", y: "connections" }), Plot.ruleY([0])] })} />`,
  ];

  // The write-up: ~800–1500 words of Markdown with headings, lists, a table and links.
  const link = (source: SourceSpec) => `[${source.outlet.name}](/outlets/${source.outlet.id}/)`;
  const para = () => prose.paragraph(dice.int(4, 7));
  const body: (string | number)[] = [
    "## What happened",
    `${para()} The ${target.toLowerCase()} was the main target; see ${link(sources[0]!)} and the [processing report](/incidents/${id}/sources/).`,
    para(),
    0,
    "## What the sources say",
    `${para()} ${link(sources[1]!)} published the article that ${link(sources[2]!)} and ${link(sources[3]!)} later republished.`,
    para(),
    Array.from({ length: dice.int(4, 6) }, () => `- ${prose.sentence()}`).join("\n"),
    1,
    "### Figures as reported",
    [
      "| Measure | Value | Reported by |",
      "|---|---:|---|",
      ...Array.from(
        { length: 5 },
        () =>
          `| ${capitalise(dice.pick(NOUNS))}s ${dice.pick(VERBS)} | ${dice.int(1, 99_999).toLocaleString("en")} | ${dice.pick<SourceSpec>(sources).outlet.name} |`,
      ),
    ].join("\n"),
    "## Where they disagree",
    para(),
    Array.from({ length: dice.int(3, 5) }, (_, n) => `${n + 1}. ${prose.sentence()}`).join("\n"),
    para(),
    2,
    "## Assessment",
    para(),
    `${para()} Compare the [incident list](/) and ${link(sources[4]!)}.`,
    "## Open questions",
    Array.from({ length: dice.int(3, 5) }, () => `- ${prose.sentence()}`).join("\n"),
    para(),
  ];
  const markdown = (withCharts: boolean) =>
    body
      .map((block) =>
        typeof block === "number" ? (withCharts ? charts[block] : undefined) : block,
      )
      .filter((block): block is string => block !== undefined)
      .join("\n\n");
  const title = `${capitalise(type.replace("-", " "))} against the ${target.toLowerCase()} (${country}, ${year})`;
  const summary = `${prose.sentence()} ${prose.sentence()}`;
  const frontmatter = [
    "---",
    `title: ${yamlString(title)}`,
    `summary: ${yamlString(summary)}`,
    `period: { start: "${start}", end: "${end}", timezone: ${zone} }`,
    `countries: [${country}]`,
    `targets: [{ name: ${yamlString(target)}, sector: ${dice.pick(SECTORS)} }]`,
    `types: [${type}]`,
    `status: ${dice.pick(incidentStatuses.filter((status) => status !== "confirmed"))}`,
    "attribution:",
    `  claimed: [{ by: ${yamlString(dice.pick(NAMES))}, to: ${yamlString(`${dice.pick(ADJECTIVES)} ${dice.pick(NOUNS)}s`)} }]`,
    `  assessed: ${yamlString(prose.sentence())}`,
    `authors: [${yamlString(dice.pick(NAMES))}]`,
    `published: "${year + 1}-01-${pad(dice.int(10, 28), 2)}"`,
    `updated: "${year + 1}-02-${pad(dice.int(1, 28), 2)}"`,
    `revisions: [{ date: "${year + 1}-02-01", note: ${yamlString(prose.sentence())} }]`,
    `tags: [bench, ${type}]`,
    "---",
  ].join("\n");
  const withCharts = markdown(true);
  const plain = markdown(false);
  const encoder = new TextEncoder();
  return {
    id,
    mdx: `${frontmatter}\nimport * as Plot from "@observablehq/plot";\n\n${withCharts}\n`,
    plainMdx: `---\ntitle: ${yamlString(title)}\nsummary: ${yamlString(summary)}\n---\n\n${plain}\n`,
    sourcesYaml: `${sourcesYaml}\n`,
    eventsCsv: `${eventsCsv}\n`,
    data,
    captures: sources.map((source) => {
      let text = source.capture;
      if (source.crlf) text = text.replaceAll("\n", "\r\n");
      const bytes = encoder.encode(source.bom ? `\uFEFF${text}` : text);
      return { path: `${id}/${source.id}.txt`, bytes };
    }),
    words: plain.split(/\s+/).filter((word) => /\w/.test(word)).length,
  };
}

/** Files of the bare Astro 7 project: MDX + GFM via the same unified() processor, one page route. */
const bareFiles: Record<string, string> = {
  "package.json": `${JSON.stringify({ name: "bare-astro-bench", private: true, type: "module" }, null, 2)}\n`,
  "astro.config.mjs": [
    'import mdx from "@astrojs/mdx";',
    'import { unified } from "@astrojs/markdown-remark";',
    'import { defineConfig } from "astro/config";',
    'import remarkGfm from "remark-gfm";',
    "",
    "export default defineConfig({",
    '  site: "https://example.org",',
    '  trailingSlash: "always",',
    '  build: { format: "directory" },',
    '  outDir: process.env.BARE_OUT_DIR || "./dist",',
    '  cacheDir: process.env.BARE_CACHE_DIR || "./.cache",',
    "  integrations: [mdx()],",
    "  markdown: { processor: unified({ remarkPlugins: [remarkGfm] }) },",
    "  devToolbar: { enabled: false },",
    "});",
    "",
  ].join("\n"),
  "src/content.config.ts": [
    'import { defineCollection } from "astro:content";',
    'import { glob } from "astro/loaders";',
    "",
    'export const collections = { incidents: defineCollection({ loader: glob({ pattern: "*.mdx", base: "./content/incidents" }) }) };',
    "",
  ].join("\n"),
  "src/pages/incidents/[id].astro": [
    "---",
    'import { getCollection, render } from "astro:content";',
    "export async function getStaticPaths() {",
    '  return (await getCollection("incidents")).map((entry) => ({ params: { id: entry.id }, props: { entry } }));',
    "}",
    "const { entry } = Astro.props;",
    "const { Content } = await render(entry);",
    "---",
    '<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head>',
    "<body><main><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content /></main></body></html>",
    "",
  ].join("\n"),
};

function write(path: string, contents: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

/**
 * Writes `<out>/site` (a Casefile site for CASEFILE_SITE) and `<out>/bare` (a bare Astro project
 * with the same write-ups as plain MDX). Same seed and N, same bytes.
 */
export function generateSite(options: GenerateOptions): GeneratedSite {
  const seed = options.seed ?? 20260101;
  const site = join(options.out, "site");
  const bare = join(options.out, "bare");
  rmSync(options.out, { recursive: true, force: true });
  const dice = new Dice(seed);
  const outlets = makeOutlets(dice);
  write(join(site, "data/outlets.yaml"), outletsYaml(outlets, new Prose(dice)));
  for (const [file, text] of Object.entries(bareFiles)) write(join(bare, file), text);
  linkNodeModules(
    options.nodeModules ?? join(projectRoot, "node_modules"),
    join(bare, "node_modules"),
  );
  const result: GeneratedSite = {
    incidents: [],
    outlets: outlets.length,
    sources: 0,
    captures: 0,
    captureBytes: 0,
    words: 0,
  };
  for (let index = 0; index < options.incidents; index++) {
    const incident = makeIncident(index, seed, outlets);
    write(join(site, "content/incidents", `${incident.id}.mdx`), incident.mdx);
    write(join(bare, "content/incidents", `${incident.id}.mdx`), incident.plainMdx);
    const folder = join(site, "data/incidents", incident.id);
    write(join(folder, "sources.yaml"), incident.sourcesYaml);
    write(join(folder, "events.csv"), incident.eventsCsv);
    for (const [file, text] of Object.entries(incident.data))
      write(join(folder, file), `${text}\n`);
    for (const capture of incident.captures) {
      write(join(site, "data/archives", capture.path), capture.bytes);
      result.captureBytes += capture.bytes.length;
    }
    result.incidents.push(incident.id);
    result.sources += SOURCES_PER_INCIDENT;
    result.captures += incident.captures.length;
    result.words += incident.words;
  }
  result.incidents.sort();
  return result;
}

/**
 * Gives `target` a node_modules of its own whose entries link to `source`'s packages, so that the
 * caches Astro and Vite keep in node_modules (.astro, .vite) stay per project.
 */
export function linkNodeModules(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name === ".astro" || name === ".vite" || name === ".cache") continue;
    symlinkSync(join(source, name), join(target, name));
  }
}

/**
 * Copies the engine (this project's src, public, scripts and config; packages linked) to `target`,
 * so that benchmark builds run in a project root of their own: Astro writes generated modules and
 * prerender bundles under the root's .astro/, which concurrent builds of one root overwrite.
 */
export function copyEngine(target: string): void {
  rmSync(target, { recursive: true, force: true });
  for (const part of [
    "src",
    "public",
    "scripts",
    "astro.config.mjs",
    "tsconfig.json",
    "package.json",
  ]) {
    cpSync(join(projectRoot, part), join(target, part), { recursive: true });
  }
  linkNodeModules(join(projectRoot, "node_modules"), join(target, "node_modules"));
}

/** Edits one write-up (appends a paragraph), as an author would between two builds. */
export function editIncident(siteFolder: string, id: string, stamp: string): void {
  const file = join(siteFolder, "content/incidents", `${id}.mdx`);
  writeFileSync(
    file,
    `${readFileSync(file, "utf8")}\nEdited for the benchmark (${stamp}): one more sentence about the incident.\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string, fallback: string) => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
  };
  const started = performance.now();
  const result = generateSite({
    out: resolve(arg("out", "/tmp/casefile-bench")),
    incidents: Number(arg("incidents", "10")),
    seed: Number(arg("seed", "20260101")),
  });
  const { incidents, ...rest } = result;
  process.stdout.write(
    `${JSON.stringify({ ...rest, incidentCount: incidents.length, kbCapturesPerIncident: Math.round(rest.captureBytes / 1024 / Math.max(1, incidents.length)), wordsPerIncident: Math.round(rest.words / Math.max(1, incidents.length)), ms: Math.round(performance.now() - started) })}\n`,
  );
}
