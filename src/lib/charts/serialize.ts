/**
 * Serialises a rendered chart to markup. Written out by hand rather than with linkedom's
 * `outerHTML`, which leaves `&` unescaped in attribute values (so `AT&amp;T` in data would show as
 * `AT&T`), and so the output bytes depend only on this file.
 */

const svgNamespace = "http://www.w3.org/2000/svg";
const voidHtml = new Set([
  "area",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);

/** The minimal DOM surface serialisation needs (linkedom nodes provide it). */
export interface MarkupNode {
  nodeType: number;
  textContent: string | null;
  localName?: string;
  namespaceURI?: string | null;
  attributes?: ArrayLike<{ name: string; value: string }>;
  childNodes: ArrayLike<MarkupNode>;
}

/** Escapes text content for HTML. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes an attribute value for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

/** Serialises an element and its subtree; empty SVG elements self-close, HTML ones do not. */
export function serialize(node: MarkupNode): string {
  if (node.nodeType === 3) return escapeText(node.textContent ?? "");
  if (node.nodeType !== 1) return "";
  const name = node.localName ?? "";
  const attributes = Array.from(
    node.attributes ?? [],
    (a) => ` ${a.name}="${escapeAttribute(a.value)}"`,
  ).join("");
  const children = Array.from(node.childNodes, serialize).join("");
  const isSvg = node.namespaceURI === svgNamespace;
  if (children === "" && isSvg) return `<${name}${attributes}/>`;
  if (!isSvg && voidHtml.has(name)) return `<${name}${attributes}>`;
  return `<${name}${attributes}>${children}</${name}>`;
}
