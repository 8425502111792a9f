import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDataFile } from "../../../src/lib/charts/data.ts";
import { dataTableHtml, tableRows } from "../../../src/lib/charts/table.ts";

const fixtures = new URL("../../fixtures/charts/", import.meta.url);
const events = parseDataFile(
  "events-with-offsets.csv",
  readFileSync(new URL("events-with-offsets.csv", fixtures), "utf8"),
  "data/events.csv",
);
const ips = parseDataFile(
  "ips-by-day.csv",
  readFileSync(new URL("ips-by-day.csv", fixtures), "utf8"),
  "data/ips.csv",
);

describe("dataTableHtml", () => {
  it("renders a caption, a header and one row per data row, numbers marked for alignment", () => {
    expect(dataTableHtml(ips, { caption: "IPs by day" })).toBe(
      '<table class="cf-data-table"><caption>IPs by day</caption>' +
        '<thead><tr><th scope="col" class="cf-date">day</th><th scope="col" class="cf-number">ips</th><th scope="col">note</th></tr></thead><tbody>' +
        '<tr><td class="cf-date"><time datetime="2024-07-28">2024-07-28</time></td><td class="cf-number">3</td><td>first wave</td></tr>' +
        '<tr><td class="cf-date"><time datetime="2024-07-29">2024-07-29</time></td><td class="cf-number">5</td><td>peak, then "mitigation"</td></tr>' +
        '<tr><td class="cf-date"><time datetime="2024-07-30">2024-07-30</time></td><td class="cf-number"></td><td>no count</td></tr>' +
        "</tbody></table>",
    );
  });

  it("shows times as written, with their offsets, and the instant in datetime", () => {
    const html = dataTableHtml(events);
    expect(html).toContain(
      '<time datetime="2024-07-28T15:29:00.000Z">2024-07-28T11:29:00-04:00</time>',
    );
    expect(html).toContain(
      '<time datetime="2024-07-28T19:30:00.000Z">2024-07-29T01:00:00+0530</time>',
    );
  });

  it("escapes cells, headers and captions", () => {
    const table = parseDataFile("x.csv", 'a<b>,c\n"<script>alert(1)</script>",AT&amp;T\n', "x.csv");
    const html = dataTableHtml(table, { caption: "<i>caption</i>" });
    expect(html).toContain("<caption>&lt;i&gt;caption&lt;/i&gt;</caption>");
    expect(html).toContain('<th scope="col">a&lt;b&gt;</th>');
    expect(html).toContain("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>AT&amp;amp;T</td>");
    expect(html).not.toContain("<script");
  });

  it("cuts long tables at maxRows and says how many rows are left out", () => {
    const html = dataTableHtml(ips, { maxRows: 1 });
    expect(html.match(/<tr>/g)?.length).toBe(3);
    expect(html).toContain(
      '<tfoot><tr><td colspan="3">1 of 3 rows shown; 2 more in the data file.</td></tr></tfoot>',
    );
  });

  it("shows at most tableRows rows of a large file, linking to the whole file", () => {
    const text = `day,ips\n${Array.from({ length: 100_000 }, (_, i) => `2024-01-01,${i}`).join("\n")}\n`;
    const large = parseDataFile("large.csv", text, "data/large.csv");
    const html = dataTableHtml(large, { fullData: "/incidents/x/data/large.csv" });
    expect(html.match(/<tr>/g)?.length).toBe(tableRows + 2);
    expect(html).toContain(
      `${tableRows} of 100000 rows shown; ${100_000 - tableRows} more in <a href="/incidents/x/data/large.csv">the data file</a>.`,
    );
    expect(html.length).toBeLessThan(200_000);
  });
});
