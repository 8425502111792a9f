/**
 * `npm run new -- "Incident title" [--date YYYY-MM-DD] [--id <id>] [--country CC]`: scaffolds a
 * new incident — `content/incidents/<id>.mdx`, `data/incidents/<id>/sources.yaml` and
 * `events.csv` — with commented examples that pass `npm run check` as they are. The id is
 * `<year>-<slug of the title>` unless `--id` names it. Never overwrites a file. Honours
 * `CASEFILE_SITE`.
 */
import GithubSlugger from "github-slugger";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { sitePaths } from "../src/lib/content/load.ts";
import { scaffoldPlaceholders } from "../src/lib/content/placeholders.ts";
import { incidentId } from "../src/schemas/incident.ts";
import { readSettings } from "../src/site/settings.ts";

/** The files of a new incident, by site-relative path. */
function scaffold(options: {
  id: string;
  title: string;
  date: string;
  country: string;
}): Record<string, string> {
  const { id, title, date, country } = options;
  const quoted = JSON.stringify(title);
  return {
    [`${sitePaths.incidents}/${id}.mdx`]: `---
title: ${quoted}
summary: "${scaffoldPlaceholders.summary}"
period:
  start: "${date}" # a day, or a time with its offset: "2024-07-28T11:29:00-04:00"
  # end: "${date}"
  timezone: UTC # the IANA zone local times refer to, e.g. America/Caracas
countries: [${country}] # ISO 3166-1 alpha-2 codes, e.g. [VE, BO]
targets: [] # e.g. [{ name: Consejo Nacional Electoral, sector: elections }]
types: [other] # ddos, defacement, intrusion, data-leak, malware, disinformation, other
status: claimed # claimed, corroborated, disputed, confirmed
attribution:
  claimed: [] # e.g. [{ by: Venezuelan government, to: actors in North Macedonia }]
  # assessed: "Not established."
authors: ["${scaffoldPlaceholders.author}"]
published: "${date}" # dates as quoted YYYY-MM-DD
# updated: "${date}"
revisions: [] # e.g. [{ date: "${date}", note: "Added the auditor's statement." }]
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

/** Prints a one-paragraph error and exits 1. */
function fail(message: string, hint: string): never {
  process.stderr.write(`error: ${message}. Hint: ${hint}\n`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: "string" },
    id: { type: "string" },
    country: { type: "string", default: scaffoldPlaceholders.country },
  },
});
const title = positionals.join(" ").trim();
if (!title)
  fail(
    "no title given",
    'run npm run new -- "Incident title" [--date YYYY-MM-DD] [--id <id>] [--country CC]',
  );
const date = values.date ?? today();
if (
  !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
  Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
  new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
) {
  fail(`--date "${date}" is not a valid date`, "write it as YYYY-MM-DD, e.g. --date 2024-07-28");
}
/** The URL-safe slug of a title: accents dropped, anything else but letters and digits a hyphen. */
function slugOf(text: string): string {
  const ascii = text.normalize("NFKD").replace(/\p{M}/gu, "");
  return new GithubSlugger()
    .slug(ascii)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
const id = values.id ?? `${date.slice(0, 4)}-${slugOf(title)}`;
if (!incidentId.safeParse(id).success) {
  fail(
    `"${id}" is not a valid incident id`,
    "ids are lowercase words and digits joined by single hyphens, e.g. --id 2024-venezuela-cne-ddos",
  );
}
const root = readSettings().root;
const files = scaffold({ id, title, date, country: values.country });
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
