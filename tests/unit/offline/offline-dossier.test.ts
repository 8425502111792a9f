import { describe, expect, it } from "vitest";
import { selfContainedPage } from "../../../src/lib/offline/dossier.ts";
import { offlineDossier } from "../../../src/lib/offline/offline-dossier.ts";

const origin = "https://example.org";
const files = new Set([
  "index.html",
  "search/index.html",
  "incidents/x/index.html",
  "incidents/x/dossier.html",
  "incidents/x/cite.bib",
  "incidents/x/sources/index.html",
  "outlets/y/index.html",
]);
const page =
  '<head><meta http-equiv="content-security-policy" content="form-action \'self\'">' +
  '<link rel="canonical" href="https://example.org/c/incidents/x/"></head>' +
  '<body><a href="/c/">Home</a><a href="/c/outlets/y/">Y</a><a href="/c/incidents/x/cite.bib">BibTeX</a>' +
  '<a href="/c/incidents/x/sources/#doc-1">Report</a><a href="#source-z">Z</a>' +
  '<a href="/c/casefile-offline.zip">Zip</a><a href="https://other.example/c/outlets/y/">Elsewhere</a>' +
  '<form action="/c/search/"><input name="q"></form></body>';
const web = selfContainedPage(page, { stylesheet: () => undefined, origin });
const inZip = offlineDossier(web, "incidents/x/dossier.html", { base: "/c/", files, origin });

describe("the dossier in the offline copy", () => {
  it("links to the copies beside it for every file the copy carries", () => {
    expect(inZip).toContain('<a href="../../index.html">Home</a>');
    expect(inZip).toContain('<a href="../../outlets/y/index.html">Y</a>');
    expect(inZip).toContain('<a href="cite.bib">BibTeX</a>');
    expect(inZip).toContain('<a href="sources/index.html#doc-1">Report</a>');
    expect(inZip).toContain('<a href="#source-z">Z</a>');
    expect(inZip).toContain('<form action="../../search/index.html">');
  });

  it("keeps the site's address for the canonical link, left-out files and other sites", () => {
    expect(inZip).toContain('<link rel="canonical" href="https://example.org/c/incidents/x/">');
    expect(inZip).toContain('<a href="https://example.org/c/casefile-offline.zip">Zip</a>');
    expect(inZip).toContain('<a href="https://other.example/c/outlets/y/">Elsewhere</a>');
  });

  it("lets its forms go to the copy", () => {
    expect(web).toContain("form-action https://example.org");
    expect(inZip).toContain("form-action 'self'");
    expect(inZip).not.toContain("form-action https://example.org");
  });
});
