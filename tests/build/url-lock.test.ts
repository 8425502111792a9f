import { existsSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildSite } from "../helpers/build-site.ts";
import { copySampleSite, edit } from "../helpers/site-copy.ts";

const oldId = "2021-bolivia-oep-results-site-intrusion";
const newId = "2021-bolivia-tse-results-site-intrusion";

/** Renames the Bolivian sample incident's write-up and data folder in a copied site. */
function renameIncident(site: string): void {
  renameSync(
    join(site, `content/incidents/${oldId}.mdx`),
    join(site, `content/incidents/${newId}.mdx`),
  );
  renameSync(join(site, `data/incidents/${oldId}`), join(site, `data/incidents/${newId}`));
  edit(
    site,
    `content/incidents/${newId}.mdx`,
    new RegExp(`/incidents/${oldId}/`, "g"),
    `/incidents/${newId}/`,
  );
}

describe("the URL lock", () => {
  it("fails the build naming each locked URL that a rename without redirect_from would lose", () => {
    const site = copySampleSite();
    renameIncident(site);
    const run = buildSite({ site, base: "/casefile/" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `error: urls.lock: published URL /incidents/${oldId}/ would vanish. Hint: add the old id to the incident's redirect_from (if it was renamed) or restore the page; a published URL must keep working\n`,
    );
    expect(run.stderr).toContain(`published URL /incidents/${oldId}/cite.bib would vanish`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 300_000);

  it("keeps the old URLs working with redirect_from: a redirect page for pages, the same bytes for files", () => {
    const site = copySampleSite();
    renameIncident(site);
    edit(site, `content/incidents/${newId}.mdx`, /^tags:/m, `redirect_from: [${oldId}]\ntags:`);
    const run = buildSite({ site, base: "/casefile/" });
    expect(run.stderr).not.toContain("error");
    expect(run.status).toBe(0);
    const redirect = readFileSync(join(run.outDir, `incidents/${oldId}/index.html`), "utf8");
    expect(redirect).toContain(
      `<meta http-equiv="refresh" content="0; url=/casefile/incidents/${newId}/">`,
    );
    expect(redirect).toContain(`<link rel="canonical" href="/casefile/incidents/${newId}/">`);
    expect(redirect).toMatch(new RegExp(`<a href="/casefile/incidents/${newId}/">`));
    expect(readFileSync(join(run.outDir, `incidents/${oldId}/cite.bib`), "utf8")).toBe(
      readFileSync(join(run.outDir, `incidents/${newId}/cite.bib`), "utf8"),
    );
    expect(existsSync(join(run.outDir, `incidents/${oldId}/sources/index.html`))).toBe(true);
  }, 300_000);
});
