import { describe, expect, it } from "vitest";
import { buildSite } from "../helpers/build-site.ts";
import { copySite, edit, minimalSite } from "../helpers/site-copy.ts";

describe("a build with broken input", () => {
  it("stops on broken frontmatter with one paragraph and no stack trace", () => {
    const site = copySite(minimalSite);
    edit(site, "content/incidents/2020-example-ddos.mdx", "status: claimed", "status: rumoured");
    const run = buildSite({ site });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'error: content/incidents/2020-example-ddos.mdx:13: status: unknown value "rumoured" (expected one of: claimed, corroborated, disputed, confirmed).\n' +
        "\n1 error: nothing was built.\n",
    );
    expect(run.stdout).toBe("");
  });

  it("stops on a broken sources.yaml naming the field and the known outlets", () => {
    const site = copySite(minimalSite);
    edit(
      site,
      "data/incidents/2020-example-ddos/sources.yaml",
      "outlet: example-news",
      "outlet: examplenews",
    );
    const run = buildSite({ site });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error: data/incidents/2020-example-ddos/sources.yaml:4: sources[0].outlet: unknown outlet "examplenews" (known: example-ministry, example-news). Hint: add the outlet to data/outlets.yaml or use one of its ids\n',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("builds the minimal fixture site", () => {
    const run = buildSite({ site: minimalSite });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
  });
});
