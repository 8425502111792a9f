/**
 * The text blocks of the main-content extractor's article, read straight from its DOM (linkedom
 * nodes) rather than from the article serialised to HTML and parsed again: the same rules as
 * `readPage` (block-level boundaries, skipped and hidden elements, collapsed whitespace, `<pre>`,
 * two `<br>`s ending a paragraph), without source offsets, which the article has none of.
 */
import { BLOCK, hidden, PRE, SEPARATING, SKIPPED, tidy, WHITESPACE } from "./html-blocks.ts";

/** The DOM node fields read (linkedom's nodes have them, as a browser's do). */
export interface ArticleNode {
  nodeType: number;
  nodeValue: string | null;
  firstChild: ArticleNode | null;
  nextSibling: ArticleNode | null;
  localName?: string;
  getAttribute?: (name: string) => string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The attributes `hidden` looks at, read from an element. */
function hidingAttributes(element: ArticleNode): Record<string, string | undefined> {
  const attributes: Record<string, string | undefined> = {};
  for (const name of ["hidden", "aria-hidden", "style"]) {
    const value = element.getAttribute?.(name);
    if (value !== null && value !== undefined) attributes[name] = value;
  }
  return attributes;
}

/** The texts of the blocks under `root` (its own tag is not looked at), in document order. */
export function articleBlocks(root: ArticleNode): string[] {
  const blocks: string[] = [];
  let parts: string[] = [];
  let started = false;
  let space = true;
  let breaks = 0;
  let pre = 0;

  const flush = (): void => {
    if (started) {
      const text = tidy(parts.join(""), pre > 0);
      if (text !== "") blocks.push(text);
    }
    parts = [];
    started = false;
    space = true;
    breaks = 0;
  };

  const text = (data: string): void => {
    if (pre > 0) {
      if (!started) {
        if (data.trim() === "") return;
        started = true;
      }
      parts.push(data.replace(/\r\n?/g, "\n"));
      breaks = 0;
      return;
    }
    const collapsed = data.replace(WHITESPACE, " ");
    if (collapsed === " " || collapsed === "") {
      if (started && !space) {
        parts.push(" ");
        space = true;
      }
      return;
    }
    started = true;
    const shown = space && collapsed.startsWith(" ") ? collapsed.slice(1) : collapsed;
    parts.push(shown);
    space = shown.endsWith(" ");
    breaks = 0;
  };

  const element = (node: ArticleNode): void => {
    const name = (node.localName ?? "").toLowerCase();
    const block = BLOCK.has(name);
    if (block) flush();
    if (SEPARATING.has(name) && started && !space) {
      parts.push(" ");
      space = true;
    }
    if (SKIPPED.has(name) || hidden(hidingAttributes(node))) return;
    if (name === "br" && started) {
      breaks++;
      if (breaks >= 2) flush();
      else {
        parts.push("\n");
        space = true;
      }
    }
    const isPre = PRE.has(name);
    if (isPre) pre++;
    children(node);
    if (block) flush();
    if (isPre) pre--;
  };

  const children = (parent: ArticleNode): void => {
    for (let node = parent.firstChild; node !== null; node = node.nextSibling) {
      if (node.nodeType === TEXT_NODE) text(node.nodeValue ?? "");
      else if (node.nodeType === ELEMENT_NODE) element(node);
    }
  };

  children(root);
  flush();
  return blocks;
}
