import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkWriteUp, writeUpLimits } from "../../../src/lib/content/write-ups.ts";
import { formatProblem } from "../../../src/lib/errors.ts";

const fixtures = new URL("../../fixtures/write-ups/", import.meta.url);

/** The formatted problems of a fixture write-up, or of `text` under the fixture's name. */
function problemsOf(name: string, text = readFileSync(new URL(name, fixtures), "utf8")): string[] {
  return checkWriteUp(`content/incidents/${name}`, text).map(formatProblem);
}

/**
 * How long a test of a pathological input may run before it counts as a hang. Speed itself is
 * measured by the benchmarks, not here: a loaded machine must not fail a correct checker.
 */
const hang = 60_000;

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

  it("refuses <meta>, <base> and http-equiv, which act on the whole page, at their lines", () => {
    const text = [
      "Intro.",
      "",
      '<meta http-equiv="refresh" content="2;url=http://elsewhere.example/" />',
      "",
      '<base href="http://elsewhere.example/" />',
      "",
      '<div httpEquiv="refresh">x</div>',
      "",
      "<span>fine</span>",
    ].join("\n");
    const hint =
      "Hint: remove it: a write-up's page carries its own metadata; to send readers elsewhere, write a link";
    expect(problemsOf("navigation.mdx", text)).toEqual([
      `content/incidents/navigation.mdx:3: <meta> in a write-up would change the whole page (a refresh to another site, a new base for links). ${hint}`,
      `content/incidents/navigation.mdx:5: <base> in a write-up would change the whole page (a refresh to another site, a new base for links). ${hint}`,
      `content/incidents/navigation.mdx:7: <div> in a write-up would change the whole page (a refresh to another site, a new base for links). ${hint}`,
    ]);
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

  it(
    "refuses braces nested thousands deep at once, with their line",
    () => {
      expect(problemsOf("braces.mdx", `Deep:\n\n${"{".repeat(20_000)}`)).toEqual([
        "content/incidents/braces.mdx:3: braces { } nest more than 100 deep. Hint: a write-up is prose: flatten the nesting, and move data into a file under data/incidents/ (a chart or a table)",
      ]);
    },
    hang,
  );

  it(
    "refuses deeply indented lists and long runs of emphasis marks at once",
    () => {
      const lists = Array.from({ length: 300 }, (_, depth) => `${"  ".repeat(depth)}- x`).join(
        "\n",
      );
      const marks = `${"*".repeat(5_000)}a${"*".repeat(5_000)}`;
      const problems = [...problemsOf("lists.mdx", lists), ...problemsOf("marks.mdx", marks)];
      expect(problems.map((problem) => problem.replace(/\. Hint: .*/, ""))).toEqual([
        `content/incidents/lists.mdx:130: line is indented more than ${writeUpLimits.indent} columns`,
        `content/incidents/marks.mdx:1: a run of more than ${writeUpLimits.run} * marks`,
      ]);
    },
    hang,
  );

  it(
    "reports tags nested too deep for the parser as a problem, not a crash",
    () => {
      const problems = problemsOf("tags.mdx", `${"<A>".repeat(50_000)}x${"</A>".repeat(50_000)}`);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^content\/incidents\/tags\.mdx: tags or quotes nest too deeply/);
    },
    hang,
  );

  it("refuses a write-up over the size limit without parsing it", () => {
    const huge = "The ministry said its portal was {slow} for two hours.\n\n".repeat(20_000);
    expect(problemsOf("huge.mdx", huge)).toEqual([
      "content/incidents/huge.mdx: write-up is 1.1 MB, more than the 1 MB one write-up may hold. Hint: a write-up is prose: flatten the nesting, and move data into a file under data/incidents/ (a chart or a table)",
    ]);
  });

  it(
    "reads a write-up just under the size limit",
    () => {
      const large = "## Day\n\nThe portal was **slow**, said [the outlet](/outlets/x/).\n\n".repeat(
        15_000,
      );
      expect(Buffer.byteLength(large)).toBeLessThan(writeUpLimits.bytes);
      expect(problemsOf("large.mdx", large)).toEqual([]);
    },
    hang,
  );
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
