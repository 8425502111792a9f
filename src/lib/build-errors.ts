/**
 * Author errors that Astro reports in its own words: MDX that does not compile and components a
 * write-up uses but nobody provides. `npm run build` turns them into the one-paragraph format.
 */
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import type { CasefileProblem } from "./errors.ts";

/** Components that write-ups may use without importing them. */
export const providedComponents = ["Chart"] as const;

const mdxHint =
  "MDX reads { } as code and < as the start of a tag: write a literal brace as \\{ and a literal < as &lt;, and close every tag you open";

/** One way Astro reports an author error, turned into a problem (or undefined if it does not match). */
interface OutputRule {
  /** What the rule recognises, for readers of this table. */
  name: string;
  /** The problems found in the output. */
  find: (text: string, root: string) => CasefileProblem[];
}

/** Site-relative path of a file Astro names, or undefined when it lies outside the site. */
function siteFile(root: string, path: string): string | undefined {
  const file = relative(root, isAbsolute(path) ? path : join(root, path))
    .split("\\")
    .join("/");
  return file.startsWith("..") || isAbsolute(file) ? undefined : file;
}

/** The write-up behind an incident page's route (`/base/incidents/<id>/`), if it exists. */
function writeUpOf(root: string, route: string): string | undefined {
  const id = /\/incidents\/([^/]+)\/$/.exec(route)?.[1];
  if (!id) return undefined;
  return [`content/incidents/${id}.mdx`, `content/incidents/${id}.md`].find((file) =>
    existsSync(join(root, file)),
  );
}

/** 1-based line of the first line of a file containing `needle`, if any. */
function lineOf(root: string, file: string, needle: string): number | undefined {
  const index = readFileSync(join(root, file), "utf8")
    .split(/\r?\n/)
    .findIndex((line) => line.includes(needle));
  return index < 0 ? undefined : index + 1;
}

/** Astro's output without colour codes. */
function plain(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}

const rules = [
  {
    name: "a compile error with a location (MDX syntax)",
    find: (text, root) => {
      const problems: CasefileProblem[] = [];
      const pattern =
        /\[ERROR\][^\n]*\n((?:(?! {2}Location:)(?![^\n]*\[ERROR\])[^\n]*\n)+?) {2}Location:\n\s+(\S+?):(\d+)(?::\d+)?\n/g;
      for (const match of text.matchAll(pattern)) {
        const file = siteFile(root, match[2] ?? "");
        if (!file) continue;
        const message = (match[1] ?? "")
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => line !== "" && !line.startsWith("Hint:"))
          .join(" ")
          .replace(/^\[[^\]]+\]\s*/, "")
          .replace(/^(?:Error|SyntaxError):\s*/, "");
        problems.push({
          file,
          line: Number(match[3]),
          message: `MDX syntax error: ${message}`,
          hint: mdxHint,
        });
      }
      return problems;
    },
  },
  {
    name: "a component the write-up uses that is not provided",
    find: (text, root) => {
      const problems: CasefileProblem[] = [];
      const pattern =
        /Caught error rendering (\S+): (?:Error: )?Expected component `([^`]+)` to be defined/g;
      for (const match of text.matchAll(pattern)) {
        const file = writeUpOf(root, match[1] ?? "");
        const component = match[2] ?? "";
        if (!file) continue;
        problems.push({
          file,
          line: lineOf(root, file, `<${component}`),
          message: `unknown component <${component}>`,
          hint: `write-ups can use ${providedComponents.map((name) => `<${name}>`).join(", ")} or components they import; check the spelling, or write &lt; for a literal <`,
        });
      }
      return problems;
    },
  },
] satisfies OutputRule[];

/** The author problems in Astro's error output for the site at `root`, in order, without repeats. */
export function problemsInAstroOutput(text: string, root: string): CasefileProblem[] {
  const clean = plain(text);
  const found = new Map<string, CasefileProblem>();
  for (const rule of rules)
    for (const problem of rule.find(clean, root)) found.set(JSON.stringify(problem), problem);
  return [...found.values()];
}

/**
 * Adds the line to problems about a chart in a write-up (`chart "caption"`), found by its caption,
 * so that the author is sent to the right `<Chart>`.
 */
export function locateCharts(
  problems: readonly CasefileProblem[],
  root: string,
): CasefileProblem[] {
  return problems.map((problem) => {
    if (
      problem.line !== undefined ||
      !/\.mdx?$/.test(problem.file) ||
      !existsSync(join(root, problem.file))
    )
      return problem;
    const label = /\b[Cc]hart "([^"]+)"/
      .exec(`${problem.field ?? ""} ${problem.message}`)?.[1]
      ?.replace(/…$/, "");
    const line = label ? lineOf(root, problem.file, label) : undefined;
    return line === undefined ? problem : { ...problem, line };
  });
}
