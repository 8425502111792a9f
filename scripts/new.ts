/**
 * `npm run new -- "Incident title" [--date YYYY-MM-DD] [--id <id>] [--country CC] [--timezone Zone]`:
 * scaffolds a new incident — `content/incidents/<id>.mdx`, `data/incidents/<id>/sources.yaml` and
 * `events.csv` — with commented examples that pass `npm run check` as they are. The id is
 * `<year>-<slug of the title>` unless `--id` names it; `published` is today; the time zone is the
 * country's when it has one (asked for, or `--timezone`, when it has several). Never overwrites a
 * file. Honours `CASEFILE_SITE`.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { sitePaths } from "../src/lib/content/load.ts";
import { longIdLength, shorterId, slugOf, timeZonesOf } from "../src/lib/content/scaffold.ts";
import { scaffoldPlaceholders } from "../src/lib/content/placeholders.ts";
import { incidentId } from "../src/schemas/incident.ts";
import { readSettings } from "../src/site/settings.ts";

/** The files of a new incident, by site-relative path. */
function scaffold(options: {
  id: string;
  title: string;
  date: string;
  published: string;
  country: string;
  timezone: string;
}): Record<string, string> {
  const { id, title, date, published, country, timezone } = options;
  const quoted = JSON.stringify(title);
  return {
    [`${sitePaths.incidents}/${id}.mdx`]: `---
title: ${quoted}
summary: "${scaffoldPlaceholders.summary}"
period:
  start: "${date}" # a day, or a time with its offset: "2024-07-28T11:29:00-04:00"
  # end: "${date}"
  timezone: ${timezone} # the IANA zone local times refer to, e.g. America/Caracas
countries: [${country}] # ISO 3166-1 alpha-2 codes, e.g. [VE, BO]
targets: [] # e.g. [{ name: Consejo Nacional Electoral, sector: elections }]
types: [other] # ddos, defacement, intrusion, data-leak, malware, disinformation, other
status: claimed # claimed, corroborated, disputed, confirmed
attribution:
  claimed: [] # e.g. [{ by: Venezuelan government, to: actors in North Macedonia }]
  # assessed: "Not established."
authors: ["${scaffoldPlaceholders.author}"]
published: "${published}" # dates as quoted YYYY-MM-DD
# updated: "${published}"
revisions: [] # e.g. [{ date: "${published}", note: "Added the auditor's statement." }]
tags: []
redirect_from: [] # old ids of this incident, if it is ever renamed
---

## What happened

Write the incident here in Markdown (tables and footnotes work). Link to other pages from the
site root, e.g. [the incidents](/#incidents). Cite sources by their anchors, e.g. \`#source-<id>\`.

{/*
A chart from a data file in data/incidents/${id}/ (CSV, JSON or YAML):

import * as Plot from "@observablehq/plot";

<Chart data="counts.csv" caption="What the chart shows" plot={(d) => ({ marks: [Plot.barY(d, { x: "day", y: "count" })] })} />
*/}
`,
    [`${sitePaths.incidentData}/${id}/sources.yaml`]: `# Sources and claims of ${title}. Each source's id is stable: it anchors #source-<id>.
sources: []
#  - id: ministry-statement
#    title: "Statement on the outage"
#    outlet: example-ministry # an id from data/outlets.yaml
#    kind: official-statement # technical-analysis, official-statement, news-report, opinion, interview, aggregator, social-post
#    author: "Name"
#    published: "${date}"
#    url: https://example.org/statement
#    archived_url: https://web.archive.org/web/2024/https://example.org/statement
#    captures: [${id}/ministry-statement.txt] # text of the page, under data/archives/
#    republished_from: other-source-id
#    reliability: B # Admiralty A–F; inherited from the outlet if absent
#    credibility: 2 # Admiralty 1–6
#    rationale: "Why these grades."
claims: []
#  - id: outage-was-an-attack
#    text: "The outage was caused by an attack."
#    stances: { ministry-statement: asserts } # asserts, disputes or mentions
`,
    [`${sitePaths.incidentData}/${id}/events.csv`]: `time,label,sources
`,
  };
}

/** Today's date in UTC, as YYYY-MM-DD. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** How to call the command. */
const usage = `Usage: npm run new -- "Incident title" [options]

Scaffolds content/incidents/<id>.mdx, data/incidents/<id>/sources.yaml and events.csv.
Never overwrites a file.

Options:
  --date YYYY-MM-DD   the day the incident started (default: today, UTC)
  --id <id>           the incident's id, its permanent URL (default: <year>-<title in words>)
  --country CC        ISO 3166-1 alpha-2 code of the country concerned, e.g. VE
  --timezone Zone     IANA time zone of local times (default: the country's, when it has one)
  -h, --help          print this help
`;

/** Prints a one-paragraph error and exits 1. */
function fail(message: string, hint: string): never {
  process.stderr.write(`error: ${message}. Hint: ${hint}\n`);
  process.exit(1);
}

/** The command line, or a one-paragraph error for an unknown option or a missing value. */
function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        date: { type: "string" },
        id: { type: "string" },
        country: { type: "string", default: scaffoldPlaceholders.country },
        timezone: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // Node's first sentence names the option ("Unknown option '--x'"); the rest is about `--`.
    const reason = error instanceof Error ? error.message.split(/\.( |$)/)[0]! : String(error);
    return fail(reason, "run npm run new -- --help for the options");
  }
}

/** True for an IANA time zone this runtime knows. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The time zone: given, the country's only one, or chosen by the author among several. */
async function timeZoneFor(country: string, given: string | undefined): Promise<string> {
  if (given !== undefined) {
    if (!isTimeZone(given))
      fail(
        `--timezone "${given}" is not an IANA time zone`,
        "write e.g. --timezone America/Caracas",
      );
    return given;
  }
  const zones = timeZonesOf(country);
  if (zones.length === 0) return "UTC";
  if (zones.length === 1) return zones[0]!;
  if (!process.stdin.isTTY)
    fail(
      `${country} has ${zones.length} time zones (${zones.join(", ")}); nothing was written`,
      `give the one local times refer to with --timezone, e.g. --timezone ${zones[zones.length - 1]!}`,
    );
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const list = zones.map((zone, index) => `  ${index + 1}. ${zone}`).join("\n");
  const answer = await prompt.question(
    `${country} has ${zones.length} time zones:\n${list}\nWhich one do local times refer to? (1-${zones.length}) `,
  );
  prompt.close();
  const chosen = zones[Number(answer.trim()) - 1];
  return (
    chosen ?? fail(`"${answer.trim()}" is not one of the numbers listed`, "run the command again")
  );
}

const { values, positionals } = readArguments();
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const title = positionals.join(" ").trim();
if (!title) fail("no title given", 'run npm run new -- "Incident title" (--help for the options)');
const date = values.date ?? today();
if (
  !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
  Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
  new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
) {
  fail(`--date "${date}" is not a valid date`, "write it as YYYY-MM-DD, e.g. --date 2024-07-28");
}
const fromTitle = `${date.slice(0, 4)}-${slugOf(title)}`;
// An id is a permanent URL: one made from a long title is shortened, and a long one given is warned of.
const id = values.id ?? (fromTitle.length > longIdLength ? shorterId(fromTitle) : fromTitle);
if (!incidentId.safeParse(id).success) {
  fail(
    `"${id}" is not a valid incident id`,
    "ids are lowercase words and digits joined by single hyphens, e.g. --id 2024-venezuela-cne-ddos",
  );
}
const settings = readSettings();
if (settings.samples)
  fail(
    "no site is started in this folder, and the sample site in samples/ is the engine's; nothing was written",
    'start your own first: npm run start-site -- --title "Site name" --publisher "Institution"',
  );
const root = settings.root;
const country = values.country.toUpperCase();
const timezone = await timeZoneFor(country, values.timezone);
const files = scaffold({ id, title, date, published: today(), country, timezone });
const taken = Object.keys(files).filter((file) => existsSync(join(root, file)));
if (taken.length > 0 || existsSync(join(root, sitePaths.incidents, `${id}.md`))) {
  fail(
    `incident "${id}" already exists (${taken.join(", ") || `${sitePaths.incidents}/${id}.md`}); nothing was written`,
    "choose another id with --id, or edit the existing files",
  );
}
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
if (id.length > longIdLength)
  process.stderr.write(
    `warning: the id "${id}" is ${id.length} characters, and it is the incident's permanent URL. Hint: a shorter one is easier to cite, such as ${shorterId(id)}; rename the files before you publish\n`,
  );
else if (id !== fromTitle && values.id === undefined)
  process.stderr.write(
    `warning: the title makes an id of ${fromTitle.length} characters, so the incident is "${id}", its permanent URL. Hint: to choose another, remove these files and run again with --id\n`,
  );
process.stdout.write(`Created incident ${id}:
${Object.keys(files)
  .map((file) => `  ${file}`)
  .join("\n")}

Next:
  1. Fill in the frontmatter of ${sitePaths.incidents}/${id}.mdx (summary, period, countries, types, status, authors) and write the incident; npm run check warns while a placeholder is left.
  2. Save the text of each source page under data/archives/ and list the sources in ${sitePaths.incidentData}/${id}/sources.yaml.
  3. Add timeline events to ${sitePaths.incidentData}/${id}/events.csv (time with UTC offset, label, source ids).
  4. Run npm run check, then npm run build (or npm run dev to preview at /incidents/${id}/).
`);
