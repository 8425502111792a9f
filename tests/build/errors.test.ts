import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeUpCodeSeconds } from "../../src/site/time-limit.ts";
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
      'error: data/incidents/2020-example-ddos/sources.yaml:4: sources[0].outlet: unknown outlet "examplenews" (known: example-news, example-ministry). Hint: did you mean "example-news"? add the outlet to data/outlets.yaml or use one of its ids\n',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops a chart whose plot function never returns, naming the chart, in seconds", () => {
    const site = copySite(minimalSite);
    const incident = "content/incidents/2020-example-ddos.mdx";
    writeFileSync(
      join(site, "data/incidents/2020-example-ddos/ips.csv"),
      "day,ips\n2020-05-04,3\n",
    );
    edit(
      site,
      incident,
      "## What happened",
      '## What happened\n\n<Chart data="ips.csv" caption="Spins for ever" plot={(d) => { while (true) {} }} />\n',
    );
    const started = performance.now();
    const run = buildSite({ site });
    expect(performance.now() - started).toBeLessThan((writeUpCodeSeconds + 60) * 1000);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      `error: ${incident}: Chart "Spins for ever": the plot function has run for ${writeUpCodeSeconds} s on data/incidents/2020-example-ddos/ips.csv without returning. Hint: look for a loop that never ends in the function given to plot={…}; it should only build Plot's options\n`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);

  it("reports an internal error while a page renders as one paragraph naming the write-up", () => {
    const site = copySite(minimalSite);
    const incident = "content/incidents/2020-example-ddos.mdx";
    writeFileSync(
      join(site, "data/incidents/2020-example-ddos/ips.csv"),
      "day,ips\n2020-05-04,3\n",
    );
    // A spec whose marks throw when read: past the plot function's own guard, inside the drawing.
    edit(
      site,
      incident,
      "## What happened",
      '## What happened\n\n<Chart data="ips.csv" caption="Throws inside" plot={(d) => ({ get marks() { throw new TypeError("marks exploded"); } })} />\n',
    );
    const run = buildSite({ site });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `error: ${incident}: Casefile could not process this (marks exploded). Hint: if nothing is wrong with it, this is a bug in Casefile: please report it with this paragraph (DEBUG=casefile adds the stack)\n`,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 180_000);

  it("builds the minimal fixture site", () => {
    const run = buildSite({ site: minimalSite });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.status).toBe(0);
  });
});
