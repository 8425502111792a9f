import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CasefileError, CasefileErrors, problemsOf } from "../../../src/lib/errors.ts";
import { readSettings } from "../../../src/site/settings.ts";

/** A site folder holding only a settings file with `text`. */
function siteWith(text: string): string {
  const root = mkdtempSync(join(tmpdir(), "casefile-settings-"));
  writeFileSync(join(root, "casefile.config.yaml"), text);
  return root;
}

/** The settings of a site, read as a build would, with extra environment variables. */
function settingsOf(root: string, env: Record<string, string> = {}) {
  return readSettings({ CASEFILE_SITE: root, ...env }, []);
}

describe("the settings file", () => {
  it("gives the site its title, publisher, address, language, licence, prefix and contact", () => {
    const root = siteWith(
      [
        "title: Election Watch Lab",
        "description: Dossiers on attacks against electoral bodies.",
        "url: https://ewlab.github.io",
        "base: /dossiers/",
        "publisher: Universidad X",
        "language: es",
        "license: CC-BY-SA-4.0",
        "report_prefix: EWL-",
        "contact: team@ewlab.example",
      ].join("\n"),
    );
    const settings = settingsOf(root);
    expect(settings.url).toBe("https://ewlab.github.io");
    expect(settings.urlGiven).toBe(true);
    expect(settings.base).toBe("/dossiers/");
    expect(settings.samples).toBe(false);
    expect(settings.config).toEqual({
      title: "Election Watch Lab",
      description: "Dossiers on attacks against electoral bodies.",
      publisher: "Universidad X",
      reportNumberPrefix: "EWL-",
      language: "es",
      license: { name: "CC BY-SA 4.0", url: "https://creativecommons.org/licenses/by-sa/4.0/" },
      contact: { text: "team@ewlab.example", href: "mailto:team@ewlab.example" },
    });
  });

  it("lets SITE_URL and BASE_PATH override url and base, as the Pages workflow sets them", () => {
    const root = siteWith("url: https://ewlab.github.io\nbase: /dossiers/\n");
    const settings = settingsOf(root, { SITE_URL: "https://ewlab.org", BASE_PATH: "/" });
    expect([settings.url, settings.base]).toEqual(["https://ewlab.org", "/"]);
  });

  it("falls back to the defaults, and to the dev server's address marked as not given", () => {
    const root = mkdtempSync(join(tmpdir(), "casefile-settings-"));
    const settings = settingsOf(root);
    expect(settings.urlGiven).toBe(false);
    expect(settings.url).toBe("http://localhost:4321");
    expect(settings.config.publisher).toBe("Casefile");
    expect(settings.config.license).toBeUndefined();
  });

  it("takes a licence written out as a name and an address", () => {
    const root = siteWith(
      "license: { name: Custom licence, url: https://ewlab.example/licence }\n",
    );
    expect(settingsOf(root).config.license).toEqual({
      name: "Custom licence",
      url: "https://ewlab.example/licence",
    });
  });

  it("reports every bad field at once, with its line and a hint", () => {
    const root = siteWith("titel: Lab\nurl: ewlab.github.io\nlanguage: not a language\n");
    let thrown: unknown;
    try {
      settingsOf(root);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CasefileErrors);
    const problems = problemsOf(thrown as CasefileErrors).sort((a, b) => a.line! - b.line!);
    expect(problems).toEqual([
      expect.objectContaining({
        file: "casefile.config.yaml",
        line: 1,
        field: "titel",
        message: 'unknown field "titel"',
        hint: expect.stringContaining('did you mean "title"?'),
      }),
      expect.objectContaining({
        line: 2,
        field: "url",
        message: "not an http(s) URL",
        hint: "write the full address, starting with https://",
      }),
      expect.objectContaining({
        line: 3,
        field: "language",
        message: "not a BCP 47 language tag",
        hint: "write a language tag such as en, es or pt-BR",
      }),
    ]);
  });

  it("names the licences it knows when one is misspelt", () => {
    const root = siteWith("license: CC-BY-4\n");
    expect(() => settingsOf(root)).toThrow(CasefileError);
    expect(() => settingsOf(root)).toThrow(
      /unknown licence "CC-BY-4".*did you mean "CC-BY-4\.0"\?/,
    );
  });

  it("builds the engine's samples when no site is started in the folder", () => {
    const empty = mkdtempSync(join(tmpdir(), "casefile-empty-"));
    const started = mkdtempSync(join(tmpdir(), "casefile-started-"));
    mkdirSync(join(started, "content"));
    const cwd = process.cwd();
    try {
      process.chdir(empty);
      expect(readSettings({}, []).samples).toBe(true);
      expect(readSettings({}, []).root).toMatch(/samples$/);
      process.chdir(started);
      expect(readSettings({}, []).samples).toBe(false);
    } finally {
      process.chdir(cwd);
    }
  });
});
