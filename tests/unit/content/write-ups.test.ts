import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkWriteUp, writeUpLimits } from "../../../src/lib/content/write-ups.ts";
import { formatProblem } from "../../../src/lib/errors.ts";

const fixtures = new URL("../../fixtures/write-ups/", import.meta.url);

/** The formatted problems of a fixture write-up, or of `text` under the fixture's name. */
function problemsOf(name: string, text = readFileSync(new URL(name, fixtures), "utf8")): string[] {
  return checkWriteUp(`content/incidents/${name}`, text).map(formatProblem);
}

/** Runs `task` and returns how many milliseconds it took. */
function timed(task: () => void): number {
  const started = performance.now();
  task();
  return performance.now() - started;
}

const unknownGaugeHint =
  "Hint: write-ups can use <Chart> or components they import; check the spelling, or write &lt; for a literal <";

describe("checkWriteUp", () => {
  it("reports a syntax error with the file, the line, the compiler's message and a hint", () => {
    expect(problemsOf("unclosed-brace.mdx")).toEqual([
      "content/incidents/unclosed-brace.mdx:3: MDX syntax error: Unexpected end of file in expression, expected a corresponding closing brace for `{`. Hint: MDX reads { } as code and < as the start of a tag: write a literal brace as \\{ and a literal < as &lt;, and close every tag you open",
    ]);
  });

  it("reports an unknown component at the line of its tag", () => {
    expect(problemsOf("unknown-component.mdx")).toEqual([
      `content/incidents/unknown-component.mdx:5: unknown component <Gauge>. ${unknownGaugeHint}`,
    ]);
  });

  it("accepts imported, renamed and exported components", () => {
    expect(problemsOf("imported-component.mdx")).toEqual([]);
  });

  it("accepts the provided <Chart> without an import", () => {
    expect(problemsOf("chart.mdx")).toEqual([]);
  });

  it("accepts lowercase HTML tags and custom elements", () => {
    expect(problemsOf("html-tags.mdx")).toEqual([]);
  });

  it("reports a member expression whose object is not imported, and only that one", () => {
    expect(problemsOf("member-component.mdx")).toEqual([
      `content/incidents/member-component.mdx:5: unknown component <Charts.Bar>. ${unknownGaugeHint}`,
    ]);
  });

  it("counts lines from the top of the file, frontmatter included", () => {
    expect(problemsOf("frontmatter.mdx")).toEqual([
      `content/incidents/frontmatter.mdx:11: unknown component <Gauge>. ${unknownGaugeHint}`,
    ]);
  });

  it("keeps lines with a byte-order mark and CRLF line endings", () => {
    const text = readFileSync(new URL("frontmatter.mdx", fixtures), "utf8");
    expect(problemsOf("frontmatter.mdx", `\uFEFF${text.replace(/\n/g, "\r\n")}`)).toEqual([
      `content/incidents/frontmatter.mdx:11: unknown component <Gauge>. ${unknownGaugeHint}`,
    ]);
  });

  it("refuses braces nested thousands deep at once, with their line", () => {
    let problems: string[] = [];
    const ms = timed(() => (problems = problemsOf("braces.mdx", `Deep:\n\n${"{".repeat(20_000)}`)));
    expect(problems).toEqual([
      "content/incidents/braces.mdx:3: braces { } nest more than 100 deep. Hint: a write-up is prose: flatten the nesting, and move data into a file under data/incidents/ (a chart or a table)",
    ]);
    expect(ms).toBeLessThan(1_000);
  });

  it("refuses deeply indented lists and long runs of emphasis marks at once", () => {
    const lists = Array.from({ length: 300 }, (_, depth) => `${"  ".repeat(depth)}- x`).join("\n");
    const marks = `${"*".repeat(5_000)}a${"*".repeat(5_000)}`;
    let problems: string[] = [];
    const ms = timed(
      () => (problems = [...problemsOf("lists.mdx", lists), ...problemsOf("marks.mdx", marks)]),
    );
    expect(problems.map((problem) => problem.replace(/\. Hint: .*/, ""))).toEqual([
      `content/incidents/lists.mdx:130: line is indented more than ${writeUpLimits.indent} columns`,
      `content/incidents/marks.mdx:1: a run of more than ${writeUpLimits.run} * marks`,
    ]);
    expect(ms).toBeLessThan(1_000);
  });

  it("reports tags nested too deep for the parser as a problem, not a crash, in seconds", () => {
    let problems: string[] = [];
    const ms = timed(
      () => (problems = problemsOf("tags.mdx", `${"<A>".repeat(50_000)}x${"</A>".repeat(50_000)}`)),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/incidents\/tags\.mdx: tags or quotes nest too deeply/);
    expect(ms).toBeLessThan(5_000);
  });

  it("refuses a write-up over the size limit without parsing it", () => {
    const huge = "The ministry said its portal was {slow} for two hours.\n\n".repeat(20_000);
    let problems: string[] = [];
    const ms = timed(() => (problems = problemsOf("huge.mdx", huge)));
    expect(problems).toEqual([
      "content/incidents/huge.mdx: write-up is 1.1 MB, more than the 1 MB one write-up may hold. Hint: a write-up is prose: flatten the nesting, and move data into a file under data/incidents/ (a chart or a table)",
    ]);
    expect(ms).toBeLessThan(100);
  });

  it("reads a write-up just under the size limit in seconds", () => {
    const large = "## Day\n\nThe portal was **slow**, said [the outlet](/outlets/x/).\n\n".repeat(
      15_000,
    );
    expect(Buffer.byteLength(large)).toBeLessThan(writeUpLimits.bytes);
    let problems: string[] = [];
    const ms = timed(() => (problems = problemsOf("large.mdx", large)));
    expect(problems).toEqual([]);
    expect(ms).toBeLessThan(10_000);
  });
});

describe("checkWriteUp on links", () => {
  const percentHint =
    "Hint: write % followed by two hexadecimal digits of UTF-8 (%25 for a percent sign itself), or the character as it is";

  it("reports a site link with a malformed percent-escape at its line, in MDX and Markdown", () => {
    const text = "---\ntitle: x\n---\n\nSee [x](/outlets/%zz/) and [y](/outlets/caf%C3%A9/).\n";
    for (const name of ["links.mdx", "links.md"])
      expect(problemsOf(name, text)).toEqual([
        `content/incidents/${name}:5: link "/outlets/%zz/" has a malformed percent-escape. ${percentHint}`,
      ]);
  });

  it("checks images, link definitions and literal href attributes too", () => {
    const text = '![a](/a%.png)\n\n[ref]: /b%zz/\n\n<a href="#%E0%A4%A">c</a>\n';
    expect(problemsOf("links.mdx", text).map((problem) => problem.split(" has ")[0])).toEqual([
      'content/incidents/links.mdx:1: link "/a%.png"',
      'content/incidents/links.mdx:3: link "/b%zz/"',
      'content/incidents/links.mdx:5: link "#%E0%A4%A"',
    ]);
  });

  it("leaves external addresses alone", () => {
    expect(problemsOf("links.mdx", "[x](https://example.org/search?q=100%)\n")).toEqual([]);
  });

  it("lists unknown components and bad links together, in line order", () => {
    const text = "[x](/%zz/)\n\n<Gauge />\n\n[y](/%yy/)\n";
    expect(problemsOf("links.mdx", text).map((problem) => problem.split(":")[1])).toEqual([
      "1",
      "3",
      "5",
    ]);
  });
});
