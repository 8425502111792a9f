import { describe, expect, it } from "vitest";
import { writeUpCode } from "../../../src/lib/content/write-up-code.ts";

describe("writeUpCode", () => {
  const body = [
    'import { Chart } from "casefile";',
    "export const threshold = 10;",
    "",
    "The attack began on **Monday**.",
    "",
    "export function scale(rows) {",
    "  return rows.length;",
    "}",
    "",
    "```js",
    'import { notCode } from "a-sample";',
    "```",
    "",
    '<Chart data="requests.csv" caption="Requests" plot={(rows) => ({ y: threshold })} />',
  ].join("\n");

  it("keeps the imports and exports, leaves out prose, charts and code samples", () => {
    expect(writeUpCode(body)).toBe(
      [
        'import { Chart } from "casefile";\nexport const threshold = 10;',
        "export function scale(rows) {\n  return rows.length;\n}",
      ].join("\n\n"),
    );
  });

  it("does not change when only the prose changes", () => {
    expect(writeUpCode(body.replace("Monday", "Tuesday"))).toBe(writeUpCode(body));
    expect(writeUpCode(body.replace("= 10", "= 12"))).not.toBe(writeUpCode(body));
  });
});
