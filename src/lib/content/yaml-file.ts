import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
} from "yaml";
import { CasefileError } from "../errors.ts";

/**
 * What a YAML file may hold before it is refused: authors' files nest a few levels and rarely use
 * aliases, while a file nested thousands deep overflows the parser's stack, and a few lines of
 * aliases of aliases (an "alias bomb") expand to billions of values.
 */
export const yamlLimits = {
  /** Levels of nested mappings and lists. */
  depth: 100,
  /** The `yaml` package's `maxAliasCount`: how many values aliases may expand to. */
  aliases: 100,
} as const;

/** A YAML document parsed and checked, with its data and the line of any node. */
export interface YamlDocument {
  /** The parsed document, for locating values by their nodes. */
  document: Document.Parsed;
  /** The data (plain objects, arrays and scalars; aliases expanded). */
  data: unknown;
  /** 1-based line (shifted by the line offset) where a node starts. */
  lineAt: (node: unknown) => number | undefined;
}

/** How a caller reads YAML: where its lines start and how it words a syntax error. */
export interface YamlOptions {
  /** Added to every line (frontmatter starts after its `---` line). */
  lineOffset?: number;
  /** The message for a syntax error, from the parser's (`malformed YAML: …`). */
  malformed?: (detail: string) => string;
  /** The hint for a syntax error. */
  hint?: string;
}

const nestingHint = "flatten it: no Casefile file needs more than a few levels";

/**
 * Parses YAML (1.2 core schema: dates stay strings, so no time zone can shift a day; a byte-order
 * mark dropped). Syntax errors, duplicate keys, nesting past `yamlLimits.depth` and aliases that
 * expand past `yamlLimits.aliases` throw a CasefileError naming the file and, when known, the line.
 */
export function parseYamlDocument(
  text: string,
  file: string,
  {
    lineOffset = 0,
    malformed = (detail) => `malformed YAML: ${detail}`,
    hint = "check indentation, colons and quotes on this line or the one before",
  }: YamlOptions = {},
): YamlDocument {
  const lineCounter = new LineCounter();
  const lineOfOffset = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const lineAt = (node: unknown): number | undefined => {
    const range = (node as Partial<Node> | null | undefined)?.range;
    return range ? lineOfOffset(range[0]) : undefined;
  };
  const tooDeep = (line: number | undefined) =>
    new CasefileError({
      file,
      line,
      message: `YAML nests more than ${yamlLimits.depth} levels deep`,
      hint: nestingHint,
    });
  const document = parseDocument(text.replace(/^\uFEFF/, ""), {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const [error] = document.errors;
  if (error) {
    const line = lineOfOffset(error.pos[0]);
    // The parser reports its own stack overflow (input nested thousands deep) as a syntax error.
    if (/call stack/i.test(error.message)) throw tooDeep(line);
    throw new CasefileError({
      file,
      line,
      message: malformed(firstLine(error.message)),
      hint:
        error.code === "DUPLICATE_KEY"
          ? "a key appears twice in one mapping, and only one value can stay: remove or rename the second"
          : hint,
    });
  }
  const deep = deeperThan(document.contents, yamlLimits.depth);
  if (deep !== undefined) throw tooDeep(lineAt(deep));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: yamlLimits.aliases });
  } catch (cause) {
    if (!(cause instanceof ReferenceError) || !/alias/i.test(cause.message)) throw cause;
    throw new CasefileError({
      file,
      line: lineAt(firstAlias(document.contents)),
      message: `YAML aliases (*name) expand to more than ${yamlLimits.aliases} values`,
      hint: "write the values out instead of repeating them through anchors (&name) and aliases (*name)",
    });
  }
  return { document, data, lineAt };
}

/** A parsed YAML file that can say on which line any value sits. */
export interface YamlFile {
  /** The parsed data (plain objects, arrays and scalars). */
  data: unknown;
  /** 1-based line of the value at a path such as `["sources", 2, "outlet"]`, or of its nearest parent. */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

/**
 * Parses a YAML file of fields and ids (frontmatter, outlets.yaml, sources.yaml) with positions,
 * as `parseYamlDocument` does. `lineOffset` shifts reported lines (frontmatter starts after
 * `---`). A `__proto__` key is refused with its line: it is never a field or an id, and a
 * validated record would drop it without a word.
 */
export function parseYamlFile(text: string, file: string, lineOffset = 0): YamlFile {
  const { document, data, lineAt } = parseYamlDocument(text, file, { lineOffset });
  const proto = nodes(document.contents).find(
    (node) => isPair(node) && isScalar(node.key) && node.key.value === "__proto__",
  );
  if (isPair(proto))
    throw new CasefileError({
      file,
      line: lineAt(proto.key),
      message: `"__proto__" is not a field or an id`,
      hint: "rename or remove this key",
    });
  return {
    data,
    lineOf(path) {
      let node: unknown = document.contents;
      let line = lineAt(document.contents);
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isScalar(item.key) && String(item.key.value) === String(key),
          );
          if (!pair) break;
          line = lineAt(pair.key) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof key === "number") {
          node = node.items[key];
          line = lineAt(node) ?? line;
        } else break;
      }
      return line;
    },
  };
}

/** Every node under `root` (pairs, keys and values), in document order, walked without recursion. */
function nodes(root: unknown): unknown[] {
  const found: unknown[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) continue;
    found.push(node);
    const children: unknown[] = isPair(node)
      ? [node.key, node.value]
      : isMap(node) || isSeq(node)
        ? node.items
        : [];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return found;
}

/** The first mapping or list nested more than `limit` deep under `root`, walked without recursion. */
function deeperThan(root: unknown, limit: number): unknown {
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (isPair(node)) {
      stack.push([node.value, depth], [node.key, depth]);
    } else if (isMap(node) || isSeq(node)) {
      if (depth + 1 > limit) return node;
      for (let index = node.items.length - 1; index >= 0; index--)
        stack.push([node.items[index], depth + 1]);
    }
  }
  return undefined;
}

/** The first alias node under `root`, if any. */
function firstAlias(root: unknown): unknown {
  return nodes(root).find((node) => isAlias(node));
}

/** The first line of a multi-line parser message, without its trailing position note. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
}
