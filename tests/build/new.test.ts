import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { childEnv, projectRoot } from "../helpers/build-site.ts";
import { copySite, minimalSite } from "../helpers/site-copy.ts";

/** Runs a script of the project over a site, as `npm run` would. */
function script(name: string, site: string, args: string[] = []) {
  return spawnSync(join(projectRoot, "node_modules/.bin/node"), [`scripts/${name}.ts`, ...args], {
    cwd: projectRoot,
    encoding: "utf8",
    env: childEnv({ CASEFILE_SITE: site, NO_COLOR: "1" }),
  });
}

const id = "2024-defacement-of-the-electoral-councils-site";

describe("npm run new", () => {
  const site = copySite(minimalSite);
  const created = script("new", site, [
    "Defacement of the electoral council's site",
    "--date",
    "2024-07-28",
  ]);

  it("scaffolds the write-up, sources.yaml and events.csv under an id from the date and title", () => {
    expect(created.stderr).toBe("");
    expect(created.status).toBe(0);
    for (const file of [
      `content/incidents/${id}.mdx`,
      `data/incidents/${id}/sources.yaml`,
      `data/incidents/${id}/events.csv`,
    ]) {
      expect(existsSync(join(site, file)), file).toBe(true);
      expect(created.stdout).toContain(file);
    }
    expect(created.stdout).toContain("Next:");
    expect(created.stdout).toContain("npm run check");
    const mdx = readFileSync(join(site, `content/incidents/${id}.mdx`), "utf8");
    expect(mdx).toContain(`title: "Defacement of the electoral council's site"`);
    expect(mdx).toContain('start: "2024-07-28"');
    expect(mdx).toContain(`published: "${new Date().toISOString().slice(0, 10)}"`);
    expect(readFileSync(join(site, `data/incidents/${id}/sources.yaml`), "utf8")).toMatch(
      /^# {2}- id: ministry-statement$/m,
    );
  });

  it("writes files that npm run check accepts as they are, warning about each placeholder left", () => {
    const check = script("check", site);
    expect(check.stderr).not.toMatch(/^error/m);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("content and data are valid");
    const file = `content/incidents/${id}.mdx`;
    const placeholders = check.stderr.split("\n").filter((line) => line.includes(file));
    expect(placeholders).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning \\(placeholder\\): ${file}:3: summary: still the placeholder "One or two`,
        ),
      ),
      expect.stringMatching(
        /^warning \(placeholder\): .*:8: countries\[0\]: still the placeholder "UN"/,
      ),
      expect.stringMatching(
        /^warning \(placeholder\): .*:15: authors\[0\]: still the placeholder "Your Name"/,
      ),
    ]);
  });

  it("refuses to overwrite an existing incident", () => {
    const before = readFileSync(join(site, `content/incidents/${id}.mdx`), "utf8");
    const again = script("new", site, [
      "Defacement of the electoral council's site",
      "--date",
      "2024-07-28",
    ]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      new RegExp(
        `^error: incident "${id}" already exists \\(.*\\); nothing was written\\. Hint: choose another id with --id`,
      ),
    );
    expect(readFileSync(join(site, `content/incidents/${id}.mdx`), "utf8")).toBe(before);
  });

  it("takes --id, and today's UTC date by default", () => {
    const chosen = script("new", site, ["Another incident", "--id", "2024-chosen-id"]);
    expect(chosen.status).toBe(0);
    expect(readFileSync(join(site, "content/incidents/2024-chosen-id.mdx"), "utf8")).toContain(
      `published: "${new Date().toISOString().slice(0, 10)}"`,
    );
  });

  it("prints its usage for --help, and one paragraph for an unknown option", () => {
    const help = script("new", site, ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run new -- "Incident title" \[options\]/);
    expect(help.stdout).toContain("--timezone Zone");
    const unknown = script("new", site, ["Title", "--bogus"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe(
      "error: Unknown option '--bogus'. Hint: run npm run new -- --help for the options\n",
    );
  });

  it("takes the time zone of a country with one, and asks for it when a country has several", () => {
    script("new", site, ["Outage in Caracas", "--date", "2024-07-28", "--country", "VE"]);
    expect(
      readFileSync(join(site, "content/incidents/2024-outage-in-caracas.mdx"), "utf8"),
    ).toContain("timezone: America/Caracas");
    const several = script("new", site, ["Outage in Brazil", "--country", "BR"]);
    expect(several.status).toBe(1);
    expect(several.stderr).toMatch(
      /^error: BR has \d+ time zones \(America\/Araguaina, .*America\/Sao_Paulo\); nothing was written\. Hint: give the one local times refer to with --timezone/,
    );
    const given = script("new", site, [
      "Outage in Brazil",
      "--country",
      "BR",
      "--timezone",
      "America/Sao_Paulo",
      "--date",
      "2024-01-02",
    ]);
    expect(given.status).toBe(0);
    expect(
      readFileSync(join(site, "content/incidents/2024-outage-in-brazil.mdx"), "utf8"),
    ).toContain("timezone: America/Sao_Paulo");
  });

  it("shortens an id made from a long title, and says so", () => {
    const long = script("new", site, [
      "Attack on the site of the national electoral council of the republic during the count",
      "--date",
      "2024-07-28",
    ]);
    expect(long.status).toBe(0);
    const id = "2024-attack-site-national-electoral-council-republic-during";
    expect(long.stderr).toBe(
      `warning: the title makes an id of 90 characters, so the incident is "${id}", its permanent URL. Hint: to choose another, remove these files and run again with --id\n`,
    );
    expect(existsSync(join(site, `content/incidents/${id}.mdx`))).toBe(true);
  });

  it("refuses a missing title or a bad date", () => {
    expect(script("new", site, []).stderr).toMatch(/^error: no title given\. Hint: /);
    const bad = script("new", site, ["Title", "--date", "2024-02-30"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'error: --date "2024-02-30" is not a valid date. Hint: write it as YYYY-MM-DD, e.g. --date 2024-07-28\n',
    );
  });
});
