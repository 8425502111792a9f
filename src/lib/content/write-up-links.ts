/**
 * The links of a write-up that a browser cannot follow as written: a site-internal address
 * (`/outlets/x/`, `../y`, `#z`) with a malformed percent-escape (`%zz`, or escapes that are not
 * UTF-8). The build's link handling would fail on it, or the link would lead nowhere; external
 * addresses are the other site's business and are left alone.
 */
import type { CasefileProblem } from "../errors.ts";
import { decodedPath } from "../urls/paths.ts";

/** The parts of an mdast or MDX node this module reads. */
export interface LinkNode {
  /** Node type (`link`, `image`, `definition`, `mdxJsxFlowElement`…). */
  type: string;
  /** The address of a Markdown link, image or link definition. */
  url?: string;
  /** The attributes of a JSX element. */
  attributes?: { type: string; name?: string; value?: unknown }[];
  /** Child nodes. */
  children?: LinkNode[];
  /** Where the node starts in the file. */
  position?: { start: { line: number } };
}

/** JSX attributes that hold an address. */
const addressAttributes = new Set(["href", "src", "poster"]);

/** True for an address with a scheme (`https:`, `mailto:`) or a host (`//example.org`). */
function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim());
}

/** The addresses a node holds: a Markdown link's, or a JSX element's literal `href`/`src`. */
function addressesOf(node: LinkNode): string[] {
  if (typeof node.url === "string") return [node.url];
  return (node.attributes ?? []).flatMap((attribute) =>
    attribute.type === "mdxJsxAttribute" &&
    addressAttributes.has(attribute.name ?? "") &&
    typeof attribute.value === "string"
      ? [attribute.value]
      : [],
  );
}

/** One problem per site-internal address under `tree` with a malformed percent-escape. */
export function linkProblems(file: string, tree: LinkNode): CasefileProblem[] {
  const problems: CasefileProblem[] = [];
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const url of addressesOf(node)) {
      if (isExternal(url) || decodedPath(url) !== undefined) continue;
      problems.push({
        file,
        line: node.position?.start.line,
        message: `link "${url}" has a malformed percent-escape`,
        hint: "write % followed by two hexadecimal digits of UTF-8 (%25 for a percent sign itself), or the character as it is",
      });
    }
    if (node.children)
      for (let index = node.children.length - 1; index >= 0; index--)
        stack.push(node.children[index]!);
  }
  return problems;
}
