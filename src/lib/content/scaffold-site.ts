import { writeLock } from "../urls/url-lock.ts";

/** What a research group says about its site when it starts it. */
export interface SiteAnswers {
  /** Name of the site. */
  title: string;
  /** The publishing institution, named in citations. */
  publisher: string;
  /** Where the site is published (origin), when known. */
  url?: string | undefined;
  /** The path under the origin (`/repository/`), when the site lives under one. */
  base?: string | undefined;
}

/**
 * A published address as GitHub Pages gives it, split into the site URL (origin) and the base path:
 * `https://owner.github.io/repository` is `https://owner.github.io` under `/repository/`.
 */
export function splitSiteUrl(address: string): { url: string; base: string | undefined } {
  const parsed = new URL(address);
  const path = parsed.pathname.replace(/\/+$/, "");
  return { url: parsed.origin, base: path === "" ? undefined : `${path}/` };
}

/** The text of a new site's `casefile.config.yaml`: the answers, then every other field commented out. */
function settingsText(answers: SiteAnswers): string {
  const value = (text: string) => JSON.stringify(text);
  const url = answers.url
    ? `url: ${value(answers.url)}`
    : "# url: https://owner.github.io # where the site is published (SITE_URL overrides it)";
  const base = answers.base
    ? `base: ${value(answers.base)}`
    : "# base: /repository/ # the path it lives under, for a project site (BASE_PATH overrides it)";
  return `# The site's settings, edited once; every field is described in the README's Settings table.
# SITE_URL and BASE_PATH in the environment override url and base (the Pages workflow sets them).
title: ${value(answers.title)}
publisher: ${value(answers.publisher)} # named in citations, the STIX identity and the feed
${url}
${base}
# description: "One sentence about the site, for the feed and the home page."
# language: en # the language of the write-ups (BCP 47), for <html lang> and citations
# license: CC-BY-4.0 # or { name: "…", url: https://… }; shown on every page and in citations
# report_prefix: "" # put before the incident id in report numbers, e.g. LAB-
# contact: team@example.org # or https://…; shown on every page
`;
}

/** The files a new, empty site starts with, by site-relative path. */
export function siteFiles(answers: SiteAnswers): Record<string, string> {
  return {
    "casefile.config.yaml": settingsText(answers),
    "data/outlets.yaml":
      "# Every outlet once: id, name, kind, country, homepage, note, reliability.\n[]\n",
    "urls.lock": writeLock([]),
  };
}
