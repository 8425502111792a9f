import { DOMParser } from "linkedom";
import { describe, expect, it } from "vitest";
import {
  articleBlocks,
  type ArticleNode,
} from "../../../../src/lib/archive/formats/article-blocks.ts";
import { readPage } from "../../../../src/lib/archive/formats/html-blocks.ts";
import { fixtures } from "../helpers.ts";

/** The blocks of a page's body read from its DOM, and from its markup by `readPage`. */
function bothWays(html: string): { fromDom: string[]; fromMarkup: string[] } {
  const document = new DOMParser().parseFromString(html, "text/html");
  const body = document.querySelector("body") as unknown as ArticleNode;
  const fromDom = articleBlocks(body);
  const fromMarkup = readPage("page.html", html).blocks.map((block) => block.text);
  return { fromDom, fromMarkup };
}

describe("the article's blocks read from its DOM", () => {
  it("follows readPage's rules: blocks, <br> pairs, <pre>, skipped and hidden elements", () => {
    const html = `<!doctype html><html><head><title>T</title></head><body>
      <p>One   <b>bold</b>
         line<br>and a second</p>
      <div>text beside <ul><li>a nested</li><li>list</li></ul> and after</div>
      <p>first paragraph<br><br>second paragraph</p>
      <pre>  keep
    its   spacing</pre>
      <p>a<img src="x.png">b <input>c</p>
      <script>var hidden = "script";</script><style>p{}</style>
      <p hidden>hidden by attribute</p><p aria-hidden="true">hidden for readers</p>
      <p style="display: none">hidden by style</p><template><p>template</p></template>
      <p>entities &amp; &lt;kept&gt; &nbsp;spaced</p>
    </body></html>`;
    const { fromDom, fromMarkup } = bothWays(html);
    expect(fromDom).toEqual([
      "One bold line\nand a second",
      "text beside",
      "a nested",
      "list",
      "and after",
      "first paragraph",
      "second paragraph",
      "  keep\n    its   spacing",
      "a b c",
      "entities & <kept> \u00a0spaced",
    ]);
    expect(fromDom).toEqual(fromMarkup);
  });

  it("reads every page fixture's blocks as readPage reads them", () => {
    const pages = fixtures("pages").filter((input) => /\.html?$/i.test(input.file));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const { fromDom, fromMarkup } = bothWays(new TextDecoder().decode(page.bytes));
      expect(fromDom, page.file).toEqual(fromMarkup);
    }
  });
});
