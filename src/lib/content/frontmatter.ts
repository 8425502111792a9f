import { CasefileError } from "../errors.ts";
import { parseYamlFile, type YamlFile } from "./yaml-file.ts";

/** Reads the YAML frontmatter between the leading `---` lines of a Markdown or MDX file. */
export function parseFrontmatter(text: string, file: string): YamlFile {
  const source = text.replace(/^\uFEFF/, "");
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!match) {
    throw new CasefileError({
      file,
      line: 1,
      message: "missing frontmatter",
      hint: "start the file with a --- line, the YAML fields (title, summary, period, …), and another --- line",
    });
  }
  return parseYamlFile(match[1] ?? "", file, 1);
}
