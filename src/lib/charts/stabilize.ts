/**
 * Makes a rendered chart the same bytes on every build and machine, and lets the page style it:
 * Plot numbers clip paths, markers and patterns from a process-wide counter, writes float noise
 * such as `125.00000000000001`, and inlines a `<style>` and a system font stack.
 */

/** Geometry attributes whose numbers are rounded to hundredths of a pixel. */
const geometryAttributes = new Set([
  "d",
  "transform",
  "x",
  "y",
  "x1",
  "x2",
  "y1",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "width",
  "height",
  "points",
  "viewBox",
  "dx",
  "dy",
  "stroke-width",
]);

/**
 * SVG 1.1 allows `font-variant` only as `normal` or `small-caps`; Plot writes `tabular-nums` on
 * numeric axes and text, valid only as CSS, so it becomes a class that charts.css styles.
 */
const fontVariantClasses: Record<string, string> = { "tabular-nums": "cf-tabular-nums" };

/** `font-variant` values valid as an SVG attribute, left as they are. */
const svgFontVariants = new Set(["normal", "small-caps", "inherit"]);

/** Renumbers ids from `prefix`, rounds geometry, and removes inline styles and fonts, in place. */
export function stabilizeChart(root: Element, prefix: string): void {
  for (const style of Array.from(root.querySelectorAll("style"))) style.remove();
  const elements = [root, ...Array.from(root.querySelectorAll("*"))];
  const ids = new Map<string, string>();
  for (const element of elements) {
    const id = element.getAttribute("id");
    if (id !== null) {
      const stable = `${prefix}-${ids.size + 1}`;
      ids.set(id, stable);
      element.setAttribute("id", stable);
    }
  }
  for (const element of elements) {
    element.removeAttribute("font-family");
    moveFontVariant(element);
    if (element.getAttribute("style") === "") element.removeAttribute("style");
    for (const { name, value } of Array.from(element.attributes)) {
      let next = value.replace(/url\(\s*#([^)\s]+)\s*\)/g, (whole, id: string) => {
        const stable = ids.get(id);
        return stable === undefined ? whole : `url(#${stable})`;
      });
      if ((name === "href" || name === "xlink:href") && next.startsWith("#"))
        next = `#${ids.get(next.slice(1)) ?? next.slice(1)}`;
      if (geometryAttributes.has(name)) next = roundNumbers(next);
      if (next !== value) element.setAttribute(name, next);
    }
  }
}

/** Replaces a `font-variant` attribute SVG does not allow by its class, or drops it. */
function moveFontVariant(element: Element): void {
  const variant = element.getAttribute("font-variant");
  if (variant === null || svgFontVariants.has(variant)) return;
  element.removeAttribute("font-variant");
  const className = fontVariantClasses[variant];
  if (className === undefined) return;
  const classes = element.getAttribute("class");
  element.setAttribute("class", classes === null ? className : `${classes} ${className}`);
}

/** Rounds every number in an attribute value to two decimals, dropping trailing zeros and `-0`. */
function roundNumbers(value: string): string {
  return value.replace(/-?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?/g, (text) => {
    const rounded = Math.round(Number(text) * 100) / 100;
    return Object.is(rounded, -0) ? "0" : String(rounded);
  });
}
