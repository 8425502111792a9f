/**
 * A saved page's text blocks, read in one streaming pass of htmlparser2 (the parser linkedom is
 * built on, so both see the same elements): every run of text between block-level boundaries
 * (p, h1–h6, li, blockquote, pre, figcaption, td, div…) of the whole page, in document order,
 * with its offsets in the page's text. What the page's reader never sees is never text: scripts,
 * styles, noscript, templates, comments, SVG, form controls, and elements hidden by `hidden`,
 * `aria-hidden="true"` or an inline `display: none` / `visibility: hidden`. The same pass
 * gathers what the page says about itself (see `PageFacts`) and enforces the limits.
 */
import { Parser } from "htmlparser2";
import { CasefileError } from "../../errors.ts";

/** One block of a page: a paragraph, heading, list item, cell… */
export interface PageBlock {
  /** Its text: whitespace collapsed as a browser shows it (kept in `pre`), a line break per `<br>`. */
  text: string;
  /** Offset in the page's text of its element's start tag (or of its first text, see `readPage`). */
  start: number;
  /** Offset in the page's text just past its element's end tag (or its last text). */
  end: number;
  /** The block-level element it belongs to (e.g. "p", "h1", "li", "div"). */
  tag: string;
}

/** What a page's markup says about itself, as found (see `html-metadata.ts`). */
export interface PageFacts {
  /** The text of the first `<title>`. */
  title?: string;
  /** `content` of `<meta>` tags by lower-cased `name`, `property` or `itemprop` (first wins). */
  meta: Map<string, string>;
  /** `href` of `<link rel="canonical">`. */
  canonical?: string;
  /** Texts of `<script type="application/ld+json">` (schema.org metadata). */
  jsonLd: string[];
  /** The comment SingleFile writes at the top of a saved page, if any. */
  singleFile?: string;
}

/** A page read into blocks, with its facts. */
export interface PageReading {
  /** Blocks in document order, none blank. */
  blocks: PageBlock[];
  /** What the page says about itself. */
  facts: PageFacts;
  /** True when the page has a `<body>` tag (else a reader sees its top-level content as body). */
  hasBody: boolean;
}

/** The limits a page is read within: past them it is refused (see `readPage`). */
export interface PageLimits {
  /** Deepest element nesting read. */
  depth: number;
  /** Most elements read. */
  elements: number;
}

/**
 * Limits for saved pages. Real pages nest a few dozen elements deep (rarely past 100) and hold
 * tens of thousands of elements; past these the main-content extractor's tree walks would take
 * minutes, and its recursion would overflow the stack.
 */
const pageLimits: PageLimits = { depth: 400, elements: 300_000 };

/** Elements that end a run of text: block-level in a browser's default style sheet. */
export const BLOCK = new Set(
  (
    "address article aside blockquote body caption center col colgroup dd details dialog dir div " +
    "dl dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr " +
    "html legend li listing main menu nav ol p plaintext pre section summary table tbody td tfoot " +
    "th thead tr ul xmp"
  ).split(" "),
);

/** Elements whose content is never text to a reader of the page. */
export const SKIPPED = new Set(
  (
    "script style noscript template svg math canvas iframe frame object embed applet audio " +
    "video picture map select datalist textarea head title"
  ).split(" "),
);

/** An inline style that hides an element. */
const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/** Inline elements shown as boxes, which keep the words either side of them apart. */
export const SEPARATING = new Set(
  "button textarea select input img iframe video audio canvas object embed svg math".split(" "),
);

/** Elements whose whitespace is shown as it is. */
export const PRE = new Set(["pre", "listing", "xmp", "plaintext"]);

/** True for an open `<svg>` (whose `<title>` is an icon's, not the page's). */
const isSvg = (open: { name: string }): boolean => open.name === "svg";

/** HTML whitespace (space, tab, LF, FF, CR), in runs. */
export const WHITESPACE = /[ \t\n\f\r]+/g;

/** Longest `<title>` or JSON-LD script kept (a page's facts are short; anything longer is noise). */
const FACT_CHARS = 1 << 20;

/** One open element. */
interface Open {
  /** Tag name. */
  name: string;
  /** Block-level (ends runs of text). */
  block: boolean;
  /** Offset of its start tag. */
  start: number;
  /** The boundary count when it opened (see `Run.boundary`). */
  boundary: number;
  /** True when it starts a skipped subtree (content never text). */
  skips: boolean;
}

/** True when an element's attributes (by lower-cased name) hide it from a reader. */
export function hidden(attributes: Record<string, string | undefined>): boolean {
  if ("hidden" in attributes) return true;
  if (attributes["aria-hidden"]?.trim().toLowerCase() === "true") return true;
  const style = attributes["style"];
  return style !== undefined && style.length < 4096 && HIDING_STYLE.test(style);
}

/**
 * Reads a page's text (`html`, already decoded) into blocks. A block's range is its element's
 * whole markup, start tag to end tag, when its text is all the element holds; when the element
 * also holds other blocks (text beside a nested list, say), the range runs from the text's first
 * node to its last. Throws a CasefileError naming `file` when the page nests deeper or holds more
 * elements than `limits` allow.
 */
export function readPage(file: string, html: string, limits: PageLimits = pageLimits): PageReading {
  const blocks: PageBlock[] = [];
  const facts: PageFacts = { meta: new Map(), jsonLd: [] };
  const stack: Open[] = [];
  let hasBody = false;
  let elements = 0;
  /** Open elements that skip their content, counted (0: text is read). */
  let skipping = 0;
  /** Boundaries seen so far (block-level tags opening or closing). */
  let boundary = 0;
  // The run of text being gathered.
  let parts: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  let runBoundary = -1;
  let runTag = "body";
  /** Offset of the first inline start tag since the last boundary, while no text is seen (-1). */
  let inlineStart = -1;
  let pre = 0;
  /** True when the run's text so far ends in a space (collapsed whitespace). */
  let space = true;
  /** Consecutive `<br>`s at the run's end (two end a paragraph, as readers take them). */
  let breaks = 0;
  // Facts gathered from raw-text elements.
  let factText: string[] | undefined;
  let factKind: "title" | "json" | undefined;
  let factChars = 0;
  /** Open elements outside the one whose text is gathered as a fact. */
  let factDepth = -1;

  const innermostBlock = (): Open | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i]!.block) return stack[i];
    return undefined;
  };

  /** Ends the run: one block, if it holds any text; `closing` is the element whose end tag ends it. */
  const flush = (closing?: Open, closeEnd?: number): void => {
    if (runStart >= 0) {
      const text = tidy(parts.join(""), pre > 0);
      if (text !== "") {
        const container = innermostBlock();
        const whole = container?.boundary === runBoundary;
        const start = whole ? container.start : runStart;
        const end = closing !== undefined && whole && closing === container ? closeEnd! : runEnd;
        blocks.push({ text, start, end, tag: runTag });
      }
    }
    parts = [];
    runStart = -1;
    inlineStart = -1;
    runEnd = -1;
    space = true;
    breaks = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const start = parser.startIndex;
        if (++elements > limits.elements) {
          throw new CasefileError({
            file,
            message: `holds more than ${limits.elements.toLocaleString("en")} HTML elements`,
            hint: "save the article alone (a reader view or a printed page) rather than the whole site around it",
          });
        }
        if (stack.length >= limits.depth) {
          throw new CasefileError({
            file,
            message: `nests HTML elements more than ${limits.depth} deep`,
            hint: "the page's markup is malformed (tags opened and never closed); save it again from the browser, or paste its text into a .txt capture",
          });
        }
        if (name === "body") hasBody = true;
        const block = BLOCK.has(name);
        const skips = skipping > 0 || SKIPPED.has(name) || hidden(attributes);
        gatherFact(name, attributes);
        if (block && skipping === 0) {
          flush();
          boundary++;
          inlineStart = -1;
        } else if (!skips && runStart < 0 && inlineStart < 0) inlineStart = start;
        // A form control, picture or frame shows as a box of its own: words either side stay apart.
        if (SEPARATING.has(name) && skipping === 0 && runStart >= 0 && !space) {
          parts.push(" ");
          space = true;
        }
        const open: Open = { name, block, start, boundary, skips };
        stack.push(open);
        if (skips) {
          skipping++;
          return;
        }
        if (PRE.has(name)) pre++;
        if (name === "br" && runStart >= 0) {
          breaks++;
          if (breaks >= 2) {
            // Two line breaks in a row end a paragraph, as in a browser's reader view.
            flush();
            boundary++;
            inlineStart = -1;
          } else {
            parts.push("\n");
            space = true;
          }
        }
      },
      onclosetag(name, implied) {
        const open = stack[stack.length - 1];
        if (open === undefined) return;
        if (open.skips) {
          stack.pop();
          skipping--;
          if (factKind !== undefined && stack.length === factDepth) endFact();
          return;
        }
        const closeEnd = implied ? -1 : parser.endIndex + 1;
        // The run ends before the element leaves the stack, so that its own range can be used.
        if (open.block) {
          flush(open, closeEnd > 0 ? closeEnd : runEnd);
          boundary++;
          inlineStart = -1;
        } else if (runStart >= 0 && closeEnd > 0) runEnd = closeEnd;
        if (PRE.has(name)) pre--;
        stack.pop();
      },
      ontext(data) {
        if (skipping > 0) {
          if (factText !== undefined && factChars < FACT_CHARS) {
            factText.push(data);
            factChars += data.length;
          }
          return;
        }
        const textStart = parser.startIndex;
        const textEnd = parser.endIndex + 1;
        if (pre > 0) {
          if (runStart < 0) {
            if (data.trim() === "") return;
            startRun(textStart);
          }
          parts.push(data.replace(/\r\n?/g, "\n"));
          runEnd = textEnd;
          breaks = 0;
          return;
        }
        const collapsed = data.replace(WHITESPACE, " ");
        if (collapsed === " " || collapsed === "") {
          if (runStart >= 0 && !space) {
            parts.push(" ");
            space = true;
          }
          return;
        }
        if (runStart < 0) startRun(textStart);
        const text = space && collapsed.startsWith(" ") ? collapsed.slice(1) : collapsed;
        parts.push(text);
        space = text.endsWith(" ");
        runEnd = textEnd;
        breaks = 0;
      },
      oncomment(data) {
        if (facts.singleFile === undefined && data.includes("Page saved with SingleFile"))
          facts.singleFile = data.slice(0, 4096);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );

  /** Starts a run of text at `at`, in the innermost block element. */
  function startRun(at: number): void {
    // A run that starts inside an inline element (a link) starts at the element's start tag.
    runStart = inlineStart >= 0 ? inlineStart : at;
    runBoundary = boundary;
    runTag = innermostBlock()?.name ?? "body";
  }

  /** Gathers what a tag says about the page (meta, canonical link, title, JSON-LD). */
  function gatherFact(name: string, attributes: Record<string, string>): void {
    if (name === "meta") {
      const key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"])
        ?.trim()
        .toLowerCase();
      const content = attributes["content"];
      if (key && content !== undefined && !facts.meta.has(key)) facts.meta.set(key, content.trim());
    } else if (name === "link") {
      const rel = attributes["rel"]?.toLowerCase().split(/\s+/) ?? [];
      if (rel.includes("canonical") && facts.canonical === undefined && attributes["href"])
        facts.canonical = attributes["href"].trim();
    } else if (name === "title" && facts.title === undefined && !stack.some(isSvg)) {
      startFact("title");
    } else if (
      name === "script" &&
      attributes["type"]?.trim().toLowerCase() === "application/ld+json"
    ) {
      startFact("json");
    }
  }

  /** Starts gathering the text of the element about to open as a fact. */
  function startFact(kind: "title" | "json"): void {
    factKind = kind;
    factText = [];
    factChars = 0;
    factDepth = stack.length;
  }

  /** Stores the raw text gathered for a title or JSON-LD script. */
  function endFact(): void {
    const text = factText!.join("");
    if (factKind === "title") facts.title = text.replace(WHITESPACE, " ").trim();
    else if (factChars <= FACT_CHARS) facts.jsonLd.push(text);
    factKind = undefined;
    factText = undefined;
  }

  parser.write(html);
  parser.end();
  flush();
  return { blocks, facts, hasBody };
}

/** A run's text as shown: trimmed, with no spaces around line breaks (kept as they are in `pre`). */
export function tidy(text: string, pre: boolean): string {
  if (!pre) return text.replace(/ ?\n ?/g, "\n").trim();
  let start = 0;
  while (text.charCodeAt(start) === 10) start++;
  return text.slice(start).trimEnd();
}
