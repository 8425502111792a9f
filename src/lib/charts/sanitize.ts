/**
 * Defensive clean-up of rendered charts. Plot escapes data as text, but marks can carry data into
 * attributes (`href`, `target`, `aria-label`) and authors can add arbitrary render functions, so
 * only known chart elements survive, event handlers go, and links must be ordinary URLs.
 */

/** Elements a chart may contain; anything else is removed with its subtree. */
const allowedElements = new Set([
  // SVG drawn by Plot's marks, axes and legends
  "svg",
  "g",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "title",
  "desc",
  "a",
  "defs",
  "clipPath",
  "mask",
  "pattern",
  "marker",
  "linearGradient",
  "radialGradient",
  "stop",
  "image",
  "symbol",
  // HTML of the figure Plot wraps around a chart with a legend, title or caption
  "figure",
  "figcaption",
  "div",
  "span",
  "h2",
  "h3",
  "p",
]);

const linkAttributes = new Set(["href", "xlink:href", "src"]);
const safeImage = /^data:image\/(?:png|gif|jpeg|webp);/i;

/** True when a link or image URL can neither run script nor smuggle a document. */
export function isSafeUrl(url: string): boolean {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, "");
  if (safeImage.test(compact)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || /^(?:https?|mailto)$/i.test(scheme);
}

/** Removes disallowed elements, event-handler attributes and unsafe URLs, in place. */
export function sanitizeChart(root: Element): void {
  for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
    if (element !== root && !allowedElements.has(element.localName)) {
      element.remove();
      continue;
    }
    for (const { name, value } of Array.from(element.attributes)) {
      const lower = name.toLowerCase();
      const unsafe =
        lower.startsWith("on") ||
        (linkAttributes.has(lower) && !isSafeUrl(value)) ||
        (lower === "style" && /javascript:|expression\(|@import|url\(/i.test(value));
      if (unsafe) element.removeAttribute(name);
    }
  }
}
