import { cpSync, copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSiteData } from "../../../src/lib/content/load.ts";
import { CasefileErrors, formatProblem } from "../../../src/lib/errors.ts";
import { copySite, edit, minimalSite } from "../../helpers/site-copy.ts";

/** Loads a site and returns its formatted error lines (empty when valid). */
function errorsOf(root: string): string[] {
  try {
    loadSiteData(root);
    return [];
  } catch (error) {
    if (error instanceof CasefileErrors) return error.problems.map(formatProblem);
    throw error;
  }
}

const incident = "content/incidents/2020-example-ddos.mdx";
const sources = "data/incidents/2020-example-ddos/sources.yaml";
const events = "data/incidents/2020-example-ddos/events.csv";

describe("loadSiteData", () => {
  it("loads the minimal site with its cross-references", () => {
    const site = loadSiteData(minimalSite);
    expect(site.incidents.map((entry) => entry.id)).toEqual(["2020-example-ddos"]);
    expect(site.outlets.map((outlet) => outlet.id)).toEqual(["example-news", "example-ministry"]);
    expect(site.sources.get("2020-example-ddos")?.claims[0]?.stances).toEqual({
      "news-report": "asserts",
      "ministry-statement": "asserts",
    });
    const rows = site.events.get("2020-example-ddos") ?? [];
    expect(rows.map((row) => [row.line, row.sources])).toEqual([
      [2, ["ministry-statement"]],
      [3, ["ministry-statement", "news-report"]],
    ]);
    expect(site.incidents[0]?.data.period).toEqual({
      start: "2020-05-04",
      end: "2020-05-05",
      timezone: "Europe/Lisbon",
    });
  });

  const cases: [string, (root: string) => void, string[]][] = [
    [
      "a bad date",
      (root) => edit(root, incident, 'published: "2020-06-01"', 'published: "2020-02-30"'),
      [
        `${incident}:19: published: "2020-02-30" is not a valid date (expected YYYY-MM-DD). Hint: write the day as YYYY-MM-DD, quoted`,
      ],
    ],
    [
      "an unknown enum value",
      (root) => edit(root, incident, "types: [ddos]", "types: [dos]"),
      [
        `${incident}:12: types[0]: unknown value "dos" (expected one of: ddos, defacement, intrusion, data-leak, malware, disinformation, other).`,
      ],
    ],
    [
      "a missing required field",
      (root) => edit(root, incident, /^summary: .*\n/m, ""),
      [
        `${incident}:2: summary: missing required field "summary". Hint: add summary: to this entry`,
      ],
    ],
    [
      "a duplicate source id",
      (root) =>
        edit(
          root,
          sources,
          "claims:",
          "  - id: news-report\n    title: Again\n    outlet: example-news\n    kind: opinion\nclaims:",
        ),
      [
        `${sources}:14: sources[2].id: duplicate source id "news-report". Hint: each source needs its own id`,
      ],
    ],
    [
      "a dangling outlet",
      (root) => edit(root, sources, "outlet: example-news", "outlet: example"),
      [
        `${sources}:4: sources[0].outlet: unknown outlet "example" (known: example-ministry, example-news). Hint: add the outlet to data/outlets.yaml or use one of its ids`,
      ],
    ],
    [
      "a stance naming an unknown source",
      (root) => edit(root, sources, "      news-report: asserts", "      news-reprot: asserts"),
      [
        `${sources}:18: claims[0].stances.news-reprot: unknown source "news-reprot" (known: news-report, ministry-statement). Hint: did you mean "news-report"? stances name sources of this incident's sources.yaml`,
      ],
    ],
    [
      "a missing capture",
      (root) => edit(root, sources, "example/news-report.txt", "example/missing.txt"),
      [
        `${sources}:7: sources[0].captures[0]: capture "example/missing.txt" not found under data/archives/. Hint: capture paths are relative to data/archives/`,
      ],
    ],
    [
      "malformed YAML with its line",
      (root) => edit(root, sources, "    kind: news-report", "    kind: news-report: [oops"),
      [
        `${sources}:5: malformed YAML: Nested mappings are not allowed in compact mappings. Hint: check indentation, colons and quotes on this line or the one before`,
      ],
    ],
    [
      "a ragged CSV row with its line",
      (root) => edit(root, events, "Portal slows down,", "Portal slows down, briefly,"),
      [
        `${events}:2: row has 4 fields but the header has 3 (time, label, sources). Hint: Quote cells that contain commas, and give every row one cell per column (leave a cell empty for no value)`,
      ],
    ],
    [
      "an event time without offset",
      (root) => edit(root, events, "2020-05-04T10:00:00+01:00", "2020-05-04T10:00:00"),
      [
        `${events}:2: time: "2020-05-04T10:00:00" is neither a day nor a date-time with a UTC offset (expected e.g. 2024-08-03 or 2024-07-28T11:29:00-04:00). Hint: write a day, e.g. 2024-08-03, or a time with its UTC offset, e.g. 2024-07-28T11:29:00-04:00`,
      ],
    ],
    [
      "an event naming an unknown source",
      (root) =>
        edit(root, events, "ministry-statement news-report", "ministry-statement newsreport"),
      [
        `${events}:3: sources: unknown source "newsreport" (known: news-report, ministry-statement). Hint: did you mean "news-report"? separate source ids with spaces; they come from sources.yaml`,
      ],
    ],
    [
      "an end before the start",
      (root) => edit(root, incident, 'end: "2020-05-05"', 'end: "2020-05-01"'),
      [
        `${incident}:6: period.end: ends (2020-05-01) before it starts (2020-05-04). Hint: write e.g. 2024-07-28 or 2024-07-28T11:29:00-04:00, not before the start`,
      ],
    ],
    [
      "a misspelt field",
      (root) =>
        edit(root, sources, "    outlet: example-ministry", "    outlett: example-ministry"),
      [
        `${sources}:11: sources[1].outlett: unknown field "outlett". Hint: did you mean "outlet"? check the spelling; the fields are listed in the README`,
      ],
    ],
    [
      "an unknown country code",
      (root) => edit(root, incident, "countries: [PT]", "countries: [XX]"),
      [
        `${incident}:8: countries[0]: "XX" is not an ISO 3166-1 alpha-2 country code (e.g. VE, BO). Hint: use ISO 3166-1 alpha-2 codes such as VE or BO`,
      ],
    ],
    [
      "a credibility out of range",
      (root) => edit(root, sources, "credibility: 3", "credibility: 7"),
      [
        `${sources}:8: sources[0].credibility: 7 is not a credibility grade (expected a number from 1 to 6). Hint: 1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged`,
      ],
    ],
    [
      "a javascript: URL",
      (root) =>
        edit(
          root,
          sources,
          '    published: "2020-05-05"',
          '    published: "2020-05-05"\n    url: "javascript:alert(1)"',
        ),
      [
        `${sources}:7: sources[0].url: "javascript:alert(1)" is not an http(s) URL. Hint: write the full address, starting with https://`,
      ],
    ],
    [
      "a period start with an impossible UTC offset",
      (root) => edit(root, incident, 'start: "2020-05-04"', 'start: "2020-05-04T10:00:00+99:99"'),
      [
        `${incident}:5: period.start: "2020-05-04T10:00:00+99:99" is not a valid date-time: +99:99 is not a UTC offset (offsets run from -23:59 to +23:59). Hint: write e.g. 2024-07-28 or 2024-07-28T11:29:00-04:00`,
      ],
    ],
    [
      "an event on 30 February",
      (root) => edit(root, events, "2020-05-04T10:00:00+01:00", "2020-02-30T10:00:00+01:00"),
      [
        `${events}:2: time: "2020-02-30T10:00:00+01:00" is not a valid date-time: 2020-02-30 is not a day of the calendar. Hint: write a day, e.g. 2024-08-03, or a time with its UTC offset, e.g. 2024-07-28T11:29:00-04:00`,
      ],
    ],
    [
      "an event at 24:00",
      (root) => edit(root, events, "2020-05-04T10:00:00+01:00", "2020-05-04T24:00:00+01:00"),
      [
        `${events}:2: time: "2020-05-04T24:00:00+01:00" is not a valid date-time: 24:00:00 is not a time of day (the last is 23:59:59; midnight is 00:00 of the next day). Hint: write a day, e.g. 2024-08-03, or a time with its UTC offset, e.g. 2024-07-28T11:29:00-04:00`,
      ],
    ],
    [
      "YAML aliases that expand past the limit (an alias bomb)",
      (root) =>
        edit(
          root,
          sources,
          /^/,
          [
            "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
            ...Array.from(
              { length: 8 },
              (_, level) =>
                `x${level + 1}: &a${level + 1} [${Array(9).fill(`*a${level}`).join(", ")}]`,
            ),
            "",
          ].join("\n"),
        ),
      [
        `${sources}:2: YAML aliases (*name) expand to more than 100 values. Hint: write the values out instead of repeating them through anchors (&name) and aliases (*name)`,
      ],
    ],
    [
      "YAML nested 10,000 deep",
      (root) => edit(root, sources, /^/, `deep: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`),
      [
        `${sources}:1: YAML nests more than 100 levels deep. Hint: flatten it: no Casefile file needs more than a few levels`,
      ],
    ],
    [
      "a __proto__ key, which a record would drop",
      (root) => edit(root, sources, "      news-report: asserts", "      __proto__: asserts"),
      [`${sources}:18: "__proto__" is not a field or an id. Hint: rename or remove this key`],
    ],
    [
      "a capture path leaving data/archives/",
      (root) => edit(root, sources, "example/news-report.txt", "../outlets.yaml"),
      [
        `${sources}:7: sources[0].captures[0]: capture "../outlets.yaml" is not a path inside data/archives/. Hint: capture paths are relative to data/archives/`,
      ],
    ],
    [
      "a capture in a hidden folder, which is not archived",
      (root) => {
        cpSync(join(root, "data/archives/example"), join(root, "data/archives/.drafts"), {
          recursive: true,
        });
        edit(root, sources, "example/news-report.txt", ".drafts/news-report.txt");
      },
      [
        `${sources}:7: sources[0].captures[0]: capture ".drafts/news-report.txt" is in a hidden folder or file (a name starting with "."), which is not archived. Hint: move or rename it so that no part of its path starts with a dot`,
      ],
    ],
    [
      "two write-ups for one incident (.md beside .mdx)",
      (root) =>
        copyFileSync(join(root, incident), join(root, "content/incidents/2020-example-ddos.md")),
      [
        `content/incidents/2020-example-ddos.md: two write-ups for incident "2020-example-ddos": 2020-example-ddos.md and 2020-example-ddos.mdx. Hint: keep one of them and delete the other (MDX can hold everything Markdown can)`,
      ],
    ],
    [
      "a stance keyed by a name Object.prototype has, without printing its code as the hint",
      (root) => edit(root, sources, "      news-report: asserts", "      constructor: 5"),
      [
        `${sources}:18: claims[0].stances.constructor: unknown value 5 (expected one of: asserts, disputes, mentions).`,
      ],
    ],
    [
      "a stance keyed by something that is not an id",
      (root) => edit(root, sources, "      news-report: asserts", "      toString: asserts"),
      [
        `${sources}:18: claims[0].stances.toString: key "toString" must be lowercase letters, digits and single hyphens. Hint: ids are lowercase words joined by hyphens, e.g. team-cymru`,
      ],
    ],
    [
      "a data folder without an incident",
      (root) => mkdirSync(join(root, "data/incidents/2019-renamed")),
      [
        `data/incidents/2019-renamed: data folder has no incident content/incidents/2019-renamed.mdx. Hint: rename the folder to match its incident's file name, or add the write-up`,
      ],
    ],
  ];

  it.each(cases)("reports %s with file, line and hint", (_name, breakIt, expected) => {
    const root = copySite(minimalSite);
    breakIt(root);
    expect(errorsOf(root)).toEqual(expected);
  });

  it.each([
    "./example/news-report.txt",
    "example//news-report.txt",
    "example/x/../news-report.txt",
  ])("reads the capture path %s as the capture it names", (path) => {
    const root = copySite(minimalSite);
    edit(root, sources, "example/news-report.txt", path);
    const [source] = loadSiteData(root).sources.get("2020-example-ddos")?.sources ?? [];
    expect(source?.captures).toEqual(["example/news-report.txt"]);
  });

  it("accepts a year before 100 as written, not as 19xx", () => {
    const root = copySite(minimalSite);
    edit(root, incident, 'published: "2020-06-01"', 'published: "0099-01-01"');
    expect(loadSiteData(root).incidents[0]?.data.published).toBe("0099-01-01");
  });

  it("reports every problem at once", () => {
    const root = copySite(minimalSite);
    edit(root, incident, "types: [ddos]", "types: [dos]");
    edit(root, sources, "outlet: example-news", "outlet: example");
    edit(root, events, "Portal slows down,", "Portal slows down, briefly,");
    expect(errorsOf(root)).toHaveLength(3);
  });
});
