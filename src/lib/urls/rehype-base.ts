import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";
import { withBase } from "./paths.ts";

/** Attributes that hold a URL the browser loads or follows. */
const urlAttributes = ["href", "src", "poster"] as const;

/** URL schemes that run code when followed or loaded; Markdown passes them through as written. */
const scriptSchemes = /^\s*(?:javascript|vbscript|data):/i;

/**
 * Rehype plugin: prefixes root-relative links written in Markdown (`[x](/incidents/y/)`) with the
 * site's base path, since Astro leaves them as written, and drops `javascript:`-like URLs (the
 * link text stays, as plain text).
 */
export function rehypeBasePaths(options: { base: string }) {
  return (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      for (const attribute of urlAttributes) {
        const value = node.properties[attribute];
        if (typeof value !== "string") continue;
        if (scriptSchemes.test(value)) Reflect.deleteProperty(node.properties, attribute);
        else node.properties[attribute] = withBase(options.base, value);
      }
    });
  };
}
