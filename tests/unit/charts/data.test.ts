import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CasefileError } from "../../../src/lib/errors.ts";
import { parseDataFile } from "../../../src/lib/charts/data.ts";
import { parseIsoDate } from "../../../src/lib/charts/iso-date.ts";
import { yamlLimits } from "../../../src/lib/content/yaml-file.ts";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/charts/${name}`, import.meta.url), "utf8");
const parse = (name: string) => parseDataFile(name, fixture(name), `data/incidents/x/${name}`);

/** Runs `fn`, expecting a CasefileError, and returns it. */
function caught(fn: () => unknown): CasefileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CasefileError) return error;
    throw error;
  }
  throw new Error("expected a CasefileError");
}

describe("parseIsoDate", () => {
  it("reads offsets as instants, independent of the machine's time zone", () => {
    const read = (text: string) => {
      const result = parseIsoDate(text);
      return result.kind === "date" ? result.date.toISOString() : result.kind;
    };
    expect(read("2024-07-28T11:29:00-04:00")).toBe("2024-07-28T15:29:00.000Z");
    expect(read("2024-07-29T01:00:00+0530")).toBe("2024-07-28T19:30:00.000Z");
    expect(read("2024-07-28T15:29Z")).toBe("2024-07-28T15:29:00.000Z");
    expect(read("2024-07-28T15:29:00.250+00:00")).toBe("2024-07-28T15:29:00.250Z");
    expect(read("2024-07-28")).toBe("2024-07-28T00:00:00.000Z");
    expect(read("2024-07")).toBe("2024-07-01T00:00:00.000Z");
    expect(read("0099-01-01")).toBe("0099-01-01T00:00:00.000Z");
    expect(read("first wave")).toBe("not-a-date");
  });

  it("explains dates that look like ISO 8601 but are not", () => {
    expect(parseIsoDate("2024-02-30")).toEqual({
      kind: "invalid",
      reason: "is not a calendar date",
    });
    expect(parseIsoDate("2024-07-28T25:00Z")).toEqual({
      kind: "invalid",
      reason: "is not a valid time of day",
    });
    expect(parseIsoDate("2024-07-28T11:29")).toEqual({
      kind: "invalid",
      reason: "has a time but no time zone offset",
    });
  });
});

describe("parseDataFile", () => {
  it("types CSV columns: dates, numbers, empty cells as null, quoted text", () => {
    const table = parse("ips-by-day.csv");
    expect(table.file).toBe("data/incidents/x/ips-by-day.csv");
    expect(table.columns).toEqual([
      { name: "day", type: "date" },
      { name: "ips", type: "number" },
      { name: "note", type: "string" },
    ]);
    expect(table.rows[0]).toEqual({
      day: new Date(Date.UTC(2024, 6, 28)),
      ips: 3,
      note: "first wave",
    });
    expect(table.rows[1]?.["note"]).toBe('peak, then "mitigation"');
    expect(table.rows[2]?.["ips"]).toBeNull();
    expect(table.raw[2]).toEqual({ day: "2024-07-30", ips: null, note: "no count" });
  });

  it("turns ISO times with offsets into the right instants and keeps the text as written", () => {
    const table = parse("events-with-offsets.csv");
    const times = table.rows.map((row) => (row["time"] as Date).toISOString());
    expect(times).toEqual([
      "2024-07-28T15:29:00.000Z",
      "2024-07-28T15:29:00.000Z",
      "2024-07-28T19:30:00.000Z",
    ]);
    expect(table.raw.map((row) => row["time"])).toEqual([
      "2024-07-28T11:29:00-04:00",
      "2024-07-28T15:29:00Z",
      "2024-07-29T01:00:00+0530",
    ]);
  });

  it("reads JSON arrays, JSON { rows } and YAML with the same typing", () => {
    const array = parse("rows-array.json");
    expect(array.columns.map((column) => column.type)).toEqual(["date", "number", "boolean"]);
    expect((array.rows[1]?.["day"] as Date).toISOString()).toBe("2024-07-29T15:29:00.000Z");
    expect(array.rows[2]).toEqual({
      day: new Date(Date.UTC(2024, 6, 30)),
      ips: null,
      blocked: null,
    });
    expect(parse("rows-object.json").rows).toEqual([
      { country: "VE", count: 2 },
      { country: "CO", count: 1 },
    ]);
    const yaml = parse("rows.yaml");
    expect(yaml.columns).toEqual([
      { name: "day", type: "date" },
      { name: "ips", type: "number" },
    ]);
    expect(yaml.rows[1]).toEqual({ day: new Date(Date.UTC(2024, 6, 29)), ips: 5 });
  });

  it("keeps mostly-text columns as text, numbers and all", () => {
    const table = parseDataFile("t.csv", "label\n2024\nFirst wave\nSecond wave\n", "t.csv");
    expect(table.columns).toEqual([{ name: "label", type: "string" }]);
    expect(table.rows[0]?.["label"]).toBe("2024");
  });

  it("rejects a CSV row with more fields than the header, naming its line", () => {
    expect(caught(() => parse("ragged-row.csv")).message).toBe(
      "data/incidents/x/ragged-row.csv:3: row has 3 fields but the header has 2 (day, ips). Hint: Quote cells that contain commas, and give every row one cell per column (leave a cell empty for no value)",
    );
  });

  it("counts lines inside quoted cells when naming a short row's line", () => {
    const error = caught(() => parse("ragged-after-quoted-newline.csv"));
    expect(error.line).toBe(4);
    expect(error.detail).toBe("row has 2 fields but the header has 3 (day, note, ips)");
  });

  it("rejects text in a numeric column, naming the line and column", () => {
    expect(caught(() => parse("not-a-number.csv")).message).toBe(
      'data/incidents/x/not-a-number.csv:4: ips: column "ips" holds numbers, but "n/a" is not a number. Hint: Write plain numbers such as 1234.5 (no units or thousands separators), or leave the cell empty',
    );
  });

  it("rejects a time without an offset in a date column", () => {
    expect(caught(() => parse("time-without-offset.csv")).message).toBe(
      'data/incidents/x/time-without-offset.csv:3: time: column "time" holds dates, but "2024-07-28T12:00" has a time but no time zone offset. Hint: Write ISO 8601 dates such as 2024-07-28 or 2024-07-28T11:29:00-04:00, or leave the cell empty',
    );
  });

  it("names the YAML line of a bad value", () => {
    const error = caught(() => parse("bad-value.yaml"));
    expect(error.line).toBe(6);
    expect(error.detail).toBe('column "ips" holds numbers, but "lots" is not a number');
  });

  it("names the JSON field of a bad value", () => {
    const error = caught(() =>
      parseDataFile("x.json", '[{"n": 1}, {"n": 2}, {"n": "many"}]', "x.json"),
    );
    expect(error.message).toBe(
      'x.json: [2].n: column "n" holds numbers, but "many" is not a number. Hint: Write plain numbers such as 1234.5 (no units or thousands separators), or leave the cell empty',
    );
  });

  it("rejects nested values, wrong shapes, bad syntax, duplicate headers and unknown formats", () => {
    expect(caught(() => parseDataFile("x.json", '[{"n": [1]}]', "x.json")).message).toBe(
      'x.json: [0].n: column "n" holds a nested list. Hint: Chart data must be flat: one plain value (text, number, date, true/false) per column',
    );
    expect(caught(() => parseDataFile("x.json", '{"n": 1}', "x.json")).detail).toBe(
      "expected a list of rows",
    );
    expect(caught(() => parseDataFile("x.json", "[{]", "x.json")).detail).toMatch(
      /^invalid JSON \(/,
    );
    expect(caught(() => parseDataFile("x.yaml", "- a: 1\n  a: 2\n", "x.yaml")).detail).toMatch(
      /^invalid YAML \(/,
    );
    expect(caught(() => parseDataFile("x.csv", "a,a\n1,2\n", "x.csv")).message).toBe(
      'x.csv:1: column "a" appears twice in the header. Hint: Give every column a distinct name',
    );
    expect(caught(() => parseDataFile("x.xlsx", "", "x.xlsx")).message).toBe(
      'x.xlsx: cannot read data file "x.xlsx". Hint: Chart data must be a .csv, .tsv, .json, .yaml or .yml file',
    );
  });

  it("skips blank lines and a byte-order mark", () => {
    const table = parseDataFile("x.csv", "\uFEFFa,b\n1,2\n\n3,4\n", "x.csv");
    expect(table.columns.map((column) => column.name)).toEqual(["a", "b"]);
    expect(table.rows).toEqual([
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
  });
});

describe("parseDataFile with author-chosen column names", () => {
  it("reads a column named __proto__ or constructor like any other", () => {
    for (const [name, text] of [
      ["x.csv", "__proto__,constructor\nKilled,2\n"],
      ["x.json", '[{"__proto__": "Killed", "constructor": 2}]'],
      ["x.yaml", "- __proto__: Killed\n  constructor: 2\n"],
    ] as const) {
      const table = parseDataFile(name, text, name);
      expect(table.columns.map((column) => column.name)).toEqual(["__proto__", "constructor"]);
      expect(Object.entries(table.rows[0]!)).toEqual([
        ["__proto__", "Killed"],
        ["constructor", 2],
      ]);
      expect(table.raw[0]?.["__proto__"]).toBe("Killed");
    }
  });

  it("refuses a key that appears twice in a JSON object, naming its line", () => {
    const error = caught(() =>
      parseDataFile(
        "x.json",
        '[\n  {"day": "2020-05-04", "ips": 3},\n  {"day": "2020-05-05", "ips": 4, "ips": 5}\n]',
        "x.json",
      ),
    );
    expect(error.message).toBe(
      'x.json:3: key "ips" appears twice in one object. Hint: Give every column of a row one value; JSON keeps only the last of two',
    );
  });

  it("accepts the same key in different objects and in nested strings", () => {
    const table = parseDataFile(
      "x.json",
      '{"rows": [{"a": "\\"a\\": 1", "b": 1}, {"a": "x", "b": 2}]}',
      "x.json",
    );
    expect(table.rows).toHaveLength(2);
  });

  it("refuses a key that appears twice in a YAML row, naming its line", () => {
    expect(caught(() => parseDataFile("x.yaml", "- a: 1\n  a: 2\n", "x.yaml")).message).toBe(
      "x.yaml:2: invalid YAML (Map keys must be unique). Hint: a key appears twice in one mapping, and only one value can stay: remove or rename the second",
    );
  });

  it("refuses YAML aliases that expand past the limit, naming the file and the first alias", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let level = 1; level <= 8; level++)
      bomb.push(
        `${"b".repeat(level)}: &b${level} [${Array(9)
          .fill(level === 1 ? "*a" : `*b${level - 1}`)
          .join(", ")}]`,
      );
    bomb.push("rows: [{n: 1}]");
    expect(caught(() => parseDataFile("x.yaml", bomb.join("\n"), "x.yaml")).message).toBe(
      "x.yaml:2: YAML aliases (*name) expand to more than 100 values. Hint: write the values out instead of repeating them through anchors (&name) and aliases (*name)",
    );
  });

  it("refuses YAML nested past the limit that the parser reads, at its line", () => {
    const nested = (depth: number) => `- a: 1\n- b: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    expect(
      caught(() => parseDataFile("x.yaml", nested(yamlLimits.depth - 2), "x.yaml")).detail,
    ).toBe('column "b" holds a nested list');
    expect(
      caught(() => parseDataFile("x.yaml", nested(yamlLimits.depth - 1), "x.yaml")).message,
    ).toBe(
      "x.yaml:2: YAML nests more than 100 levels deep. Hint: flatten it: no Casefile file needs more than a few levels",
    );
  });

  it("refuses YAML nested thousands deep, naming the file", () => {
    const deep = `- a: ${"[".repeat(10_000)}${"]".repeat(10_000)}\n`;
    expect(caught(() => parseDataFile("x.yaml", deep, "x.yaml")).message).toMatch(
      /^x\.yaml:1: YAML nests more than 100 levels deep\. Hint: flatten it/,
    );
  });
});
