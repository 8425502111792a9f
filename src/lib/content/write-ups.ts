/**
 * The MDX of a write-up, read the way Astro's MDX integration reads it (@mdx-js/mdx with remark-gfm,
 * the frontmatter blanked so that lines stay those of the file), for the mistakes only the MDX
 * shows: a syntax error, a component that the write-up uses but neither imports nor is given, and
 * a link with a malformed percent-escape (the last also in `.md` write-ups, read as Markdown).
 */
import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import type { CasefileProblem } from "../errors.ts";
import { providedComponents } from "./provided-components.ts";
import { linkProblems, type LinkNode } from "./write-up-links.ts";
import { append } from "../arrays.ts";

/**
 * What a write-up may hold before it is refused unread. The MDX parser takes time superlinear in
 * the depth of braces, list indentation and runs of emphasis marks (a 5,000-deep `{` takes
 * minutes), and overflows the stack on thousands of nested tags or quotes; prose never comes near.
 */
export const writeUpLimits = {
  /** Bytes of one write-up. */
  bytes: 1_000_000,
  /** Nesting of `{ }` and of `>` quotes. */
  depth: 100,
  /** Columns of indentation of one line (deep list nesting). */
  indent: 256,
  /** Length of one run of `*`, `_` or `~`. */
  run: 1_000,
} as const;

const mdxHint =
  "MDX reads { } as code and < as the start of a tag: write a literal brace as \\{ and a literal < as &lt;, and close every tag you open";

const nestingHint =
  "a write-up is prose: flatten the nesting, and move data into a file under data/incidents/ (a chart or a table)";

/** The parts of an mdast or estree node this module reads. */
interface Node extends LinkNode {
  /** Node type. */
  type: string;
  /** Element name of a JSX node (`null` for a fragment). */
  name?: string | null;
  /** Child nodes. */
  children?: Node[];
  /** Where the node starts in the file. */
  position?: { start: { line: number } };
  /** The parsed JavaScript of an ESM block. */
  data?: { estree?: { body: Node[] } };
}

/** The parts of an MDX compile error this module reads (a vfile `VFileMessage`). */
interface CompileMessage {
  /** The compiler's message. */
  reason: string;
  /** 1-based line, when known. */
  line?: number | undefined;
  /** Where the problem starts, when known. */
  place?: { line?: number; start?: { line: number } } | undefined;
}

const processor = createProcessor({ format: "mdx", remarkPlugins: [remarkGfm] });
const markdownProcessor = createProcessor({ format: "md", remarkPlugins: [remarkGfm] });

/** True for the errors the MDX parser reports about its input (not bugs in the parser). */
function isCompileMessage(error: unknown): error is CompileMessage {
  return (
    error instanceof Error &&
    typeof (error as Partial<CompileMessage>).reason === "string" &&
    "ruleId" in error &&
    "source" in error
  );
}

/** True for a stack overflow, which the parser reaches on input nested thousands deep. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

/**
 * The source as Astro's MDX integration compiles it: the leading frontmatter (same expression as
 * `@astrojs/internal-helpers/frontmatter`) replaced by as many spaces and the same line breaks.
 */
function blankFrontmatter(text: string): string {
  const match = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)[\s\S]*?\n(?:---|\+\+\+)/.exec(text);
  if (!match) return text;
  const end = match.index + match[0].length;
  return `${text.slice(0, match.index)}${match[0].replace(/[^\r\n\uFEFF]/g, " ")}${text.slice(end)}`;
}

/** The first place where the text goes past `writeUpLimits`, read in one linear pass. */
function pastLimits(text: string): { line?: number; message: string } | undefined {
  const bytes = Buffer.byteLength(text);
  if (bytes > writeUpLimits.bytes)
    return {
      message: `write-up is ${(bytes / 1e6).toFixed(1)} MB, more than the ${writeUpLimits.bytes / 1e6} MB one write-up may hold`,
    };
  let braces = 0;
  let line = 1;
  let lineStart = true;
  let indent = 0;
  let quotes = 0;
  let run = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "\n") {
      line++;
      lineStart = true;
      indent = 0;
      quotes = 0;
      run = 0;
      continue;
    }
    if (lineStart) {
      if (char === " " || char === "\t") indent += char === "\t" ? 4 : 1;
      else if (char === ">") quotes++;
      else if (char !== "\r") lineStart = false;
      if (indent > writeUpLimits.indent)
        return { line, message: `line is indented more than ${writeUpLimits.indent} columns` };
      if (quotes > writeUpLimits.depth)
        return { line, message: `quotes nest more than ${writeUpLimits.depth} deep` };
    }
    run = char === text[index - 1] && (char === "*" || char === "_" || char === "~") ? run + 1 : 1;
    if (run > writeUpLimits.run)
      return { line, message: `a run of more than ${writeUpLimits.run} ${char} marks` };
    if (char === "\\" && text[index + 1] !== "\n") index++;
    else if (char === "{" && ++braces > writeUpLimits.depth)
      return { line, message: `braces { } nest more than ${writeUpLimits.depth} deep` };
    else if (char === "}") braces = Math.max(0, braces - 1);
  }
  return undefined;
}

/** Every name an ESM block of the write-up declares: imports and exported declarations. */
function declaredNames(esm: Node): string[] {
  const names: string[] = [];
  const patterns: unknown[] = [];
  for (const statement of esm.data?.estree?.body ?? []) {
    const node = statement as Node & {
      specifiers?: { local: { name: string } }[];
      declaration?: (Node & { id?: unknown; declarations?: { id: unknown }[] }) | null;
    };
    if (node.type === "ImportDeclaration")
      append(
        names,
        (node.specifiers ?? []).map((specifier) => specifier.local.name),
      );
    else if (node.type === "ExportNamedDeclaration" && node.declaration) {
      const { declaration } = node;
      if (declaration.declarations)
        append(
          patterns,
          declaration.declarations.map((declarator) => declarator.id),
        );
      else patterns.push(declaration.id);
    }
  }
  // Binding patterns (`export const { A, b: [B] } = …`), walked without recursion.
  while (patterns.length > 0) {
    const pattern = patterns.pop() as Record<string, unknown> | null | undefined;
    if (!pattern) continue;
    if (pattern["type"] === "Identifier") names.push(pattern["name"] as string);
    else if (pattern["type"] === "ObjectPattern")
      append(patterns, pattern["properties"] as unknown[]);
    else if (pattern["type"] === "Property") patterns.push(pattern["value"]);
    else if (pattern["type"] === "ArrayPattern") append(patterns, pattern["elements"] as unknown[]);
    else if (pattern["type"] === "RestElement") patterns.push(pattern["argument"]);
    else if (pattern["type"] === "AssignmentPattern") patterns.push(pattern["left"]);
  }
  return names;
}

/**
 * The name a JSX element refers to in scope, or undefined for an HTML tag. As @mdx-js/mdx decides:
 * `<x.y>` refers to `x`, `<a:b>` is a tag, and an identifier not starting with a–z is a component.
 */
function componentOf(name: string): string | undefined {
  if (name.includes(".")) return name.slice(0, name.indexOf("."));
  if (name.includes(":") || /^[a-z]/.test(name)) return undefined;
  return /^[$_\p{ID_Start}][$\u200c\u200d\p{ID_Continue}]*$/u.test(name) ? name : undefined;
}

/**
 * True for an element that acts on the whole document rather than the write-up: `<meta>`, `<base>`,
 * or anything with `http-equiv`. The Content-Security-Policy does not stop navigation, so a
 * `<meta http-equiv="refresh">` would send readers to another site.
 */
function isDocumentElement(element: Node): boolean {
  const name = (element.name ?? "").toLowerCase();
  return (
    name === "meta" ||
    name === "base" ||
    (element.attributes ?? []).some((attribute) => /^http-?equiv$/i.test(attribute.name ?? ""))
  );
}

/**
 * The author problems in a write-up (`file` site-relative, `text` the whole file). In MDX: the
 * first syntax error, or else every use of a component that is neither imported nor provided and
 * every link with a malformed percent-escape, in line order. A `.md` file is Markdown to Astro,
 * where tags are HTML and braces text: only its links are checked. Errors that are not about the
 * input are thrown.
 */
export function checkWriteUp(file: string, text: string): CasefileProblem[] {
  if (file.endsWith(".md")) {
    try {
      return linkProblems(file, markdownProcessor.parse(blankFrontmatter(text)) as Node);
    } catch (error) {
      if (isStackOverflow(error))
        return [{ file, message: "lists or quotes nest too deeply to read", hint: nestingHint }];
      throw error;
    }
  }
  const limit = pastLimits(text);
  if (limit) return [{ file, line: limit.line, message: limit.message, hint: nestingHint }];
  let tree: Node;
  try {
    tree = processor.parse(blankFrontmatter(text)) as Node;
  } catch (error) {
    if (isStackOverflow(error))
      return [{ file, message: "tags or quotes nest too deeply to read", hint: nestingHint }];
    if (!isCompileMessage(error)) throw error;
    return [
      {
        file,
        line: error.line ?? error.place?.line ?? error.place?.start?.line,
        message: `MDX syntax error: ${error.reason}`,
        hint: mdxHint,
      },
    ];
  }
  const inScope = new Set<string>(providedComponents);
  const elements: Node[] = [];
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "mdxjsEsm") for (const name of declaredNames(node)) inScope.add(name);
    else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement")
      elements.push(node);
    if (node.children)
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  const components = elements.flatMap((element): CasefileProblem[] => {
    const name = element.name ?? "";
    if (isDocumentElement(element))
      return [
        {
          file,
          line: element.position?.start.line,
          message: `<${name}> in a write-up would change the whole page (a refresh to another site, a new base for links)`,
          hint: "remove it: a write-up's page carries its own metadata; to send readers elsewhere, write a link",
        },
      ];
    const component = componentOf(name);
    if (component === undefined || inScope.has(component)) return [];
    return [
      {
        file,
        line: element.position?.start.line,
        message: `unknown component <${name}>`,
        hint: `write-ups can use ${providedComponents.map((provided) => `<${provided}>`).join(", ")} or components they import; check the spelling, or write &lt; for a literal <`,
      },
    ];
  });
  return [...components, ...linkProblems(file, tree)].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
