import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import { withBase } from "./paths.ts";

/** Attributes that hold a URL the browser loads or follows. */
const urlAttributes = ["href", "src", "poster"] as const;

/**
 * Rehype plugin: prefixes root-relative links written in Markdown (`[x](/incidents/y/)`) with the
 * site's base path, since Astro leaves them as written.
 */
export function rehypeBasePaths(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      for (const attribute of urlAttributes) {
        const value = node.properties[attribute];
        if (typeof value === "string") node.properties[attribute] = withBase(options.base, value);
      }
    });
  };
}
