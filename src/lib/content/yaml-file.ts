import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { CasefileError } from "../errors.ts";

/** A parsed YAML file that can say on which line any value sits. */
export interface YamlFile {
  /** The parsed data (plain objects, arrays and scalars). */
  data: unknown;
  /** 1-based line of the value at a path such as `["sources", 2, "outlet"]`, or of its nearest parent. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Parses YAML with positions. `lineOffset` shifts reported lines (frontmatter starts after `---`).
 * Syntax errors and duplicate keys throw a CasefileError with the line.
 */
export function parseYamlFile(text: string, file: string, lineOffset = 0): YamlFile {
  const lineCounter = new LineCounter();
  // YAML 1.2 core schema: dates stay strings, so no time zone can shift a day.
  // A byte-order mark (Windows editors add one) is not part of the YAML.
  const document = parseDocument(text.replace(/^\uFEFF/, ""), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const [error] = document.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line + lineOffset;
    throw new CasefileError({
      file,
      line,
      message: `malformed YAML: ${firstLine(error.message)}`,
      hint: "check indentation, colons and quotes on this line or the one before",
    });
  }
  const lineAt = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line + lineOffset : undefined;
  return {
    data: document.toJS(),
    lineOf(path) {
      let node: unknown = document.contents;
      let line = lineAt(document.contents);
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isScalar(item.key) && String(item.key.value) === String(key),
          );
          if (!pair) break;
          line = lineAt(pair.key as Node) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof key === "number") {
          node = node.items[key];
          line = lineAt(node as Node) ?? line;
        } else break;
      }
      return line;
    },
  };
}

/** The first line of a multi-line parser message, without its trailing position note. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
}
