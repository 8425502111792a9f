import { describe, expect, it } from "vitest";
import { checkDataFile, parseDataFile } from "../../../src/lib/charts/data.ts";

/** The error a reader throws for a file, as text, or "ok". */
function outcome(read: () => unknown): string {
  try {
    read();
    return "ok";
  } catch (error) {
    return String(error);
  }
}

/** Files in the shapes a data file takes, good and bad. */
const cases: [name: string, text: string][] = [
  ["good.csv", "day,ips,note\n2024-07-28,12,a\n2024-07-29,,b\n"],
  ["text-in-numbers.csv", "day,ips\n2024-07-28,12\n2024-07-29,13\n2024-07-30,many\n"],
  ["second-column-first.csv", "a,b\n1,x\n2,2\ny,3\n4,4\n"],
  ["leftmost-column-wins.csv", "a,b\n1,1\n2,x\n3,3\nz,4\n"],
  ["bad-time.csv", "when,n\n2024-07-28T10:00:00+99:99,1\n2024-07-29T10:00:00Z,2\n2024-07-30,3\n"],
  ["no-offset.csv", "when\n2024-07-28T10:00:00\n2024-07-29\n2024-07-30\n"],
  ["booleans.csv", "flag\ntrue\nfalse\n\n"],
  ["short-row.csv", 'a,b\n1,"two\nlines"\n3\n'],
  ["empty.csv", ""],
  ["blank-header.csv", "\na,b\n"],
  ["duplicate-header.csv", "a,a\n1,2\n"],
  ["unnamed-column.csv", "a,,c\n1,2,3\n"],
  ["unclosed.csv", 'a,b\n1,"open\n'],
  ["bom.csv", "\uFEFFa,b\n1,2\n"],
  ["header-only.csv", "a,b\n"],
  ["proto.csv", "__proto__,constructor\n1,x\n2,y\n"],
  ["tabs.tsv", "a\tb\n1\tx\n2\t3\nq\t4\n"],
  ["rows.json", '[{"a": 1}, {"a": "x"}, {"a": 2}, {"a": 3}]'],
  ["rows.yaml", "- a: 1\n- a: x\n- a: 2\n- a: 3\n"],
  ["unknown.xlsx", "a,b\n"],
];

describe("checkDataFile", () => {
  it.each(cases)("throws what parseDataFile throws for %s", (name, text) => {
    const file = `data/incidents/x/${name}`;
    expect(outcome(() => checkDataFile(name, text, file))).toBe(
      outcome(() => parseDataFile(name, text, file)),
    );
  });

  it("finds the same misfit in a wide CSV as parseDataFile, and none in the good one", () => {
    const columns = 200;
    const rows = 500;
    const header = Array.from({ length: columns }, (_, i) => `c${i}`).join(",");
    const row = (r: number): string =>
      Array.from({ length: columns }, (_, c) => String((r * columns + c) % 9973)).join(",");
    const text = [header, ...Array.from({ length: rows }, (_, r) => row(r))].join("\n");
    const bad = `${text}\n${row(0).replace(/^\d+/, "oops")}\n`;
    expect(outcome(() => checkDataFile("wide.csv", bad, "wide.csv"))).toBe(
      outcome(() => parseDataFile("wide.csv", bad, "wide.csv")),
    );
    expect(outcome(() => checkDataFile("wide.csv", text, "wide.csv"))).toBe("ok");
  });
});
