/**
 * The settings of one site, read once from its settings file (`casefile.config.yaml`) and the
 * environment and validated, so that a bad field, `SITE_URL` or `BASE_PATH` stops the build with
 * one clear paragraph naming it.
 * Everything else (the integration, the pages through `virtual:casefile/settings`, the check and
 * the after-build steps) takes its settings from here instead of reading the environment itself.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import { knownLicenses, type License } from "../lib/cite/licenses.ts";
import { didYouMean } from "../lib/content/suggest.ts";
import { validate } from "../lib/content/validate.ts";
import { parseYamlFile } from "../lib/content/yaml-file.ts";
import { CasefileError, CasefileErrors } from "../lib/errors.ts";
import { normaliseBase } from "../lib/urls/paths.ts";
import {
  basePath,
  settingsFile,
  settingsSchema,
  siteUrl,
  type SettingsFile,
} from "../schemas/settings.ts";

/** Where a fresh clone's sample site lives, inside the engine (built until a site is started). */
export const samplesFolder = "samples";

/** The development server's address, which a build without a site URL falls back to. */
const devUrl = "http://localhost:4321";

/** The resolved settings of a site. */
export interface SiteSettings {
  /** The engine's own folder (where astro.config.mjs is). */
  project: string;
  /**
   * The folder holding the researchers' `content/`, `data/`, `urls.lock` and settings file:
   * `CASEFILE_SITE`, else the working folder once a site is started there (it has the settings
   * file or `content/`), else the engine's sample site.
   */
  root: string;
  /** True when the root is the engine's sample site, because no site has been started. */
  samples: boolean;
  /** Astro's cache folder (`CASEFILE_CACHE_DIR`): data store, incremental pages, charts. */
  cacheDir: string;
  /** The output folder (`CASEFILE_OUT_DIR`). */
  outDir: string;
  /** The site's URL (`SITE_URL`, else the settings file's `url`); without either, the dev server's. */
  url: string;
  /** False when no site URL was given and `url` is the dev server's address. */
  urlGiven: boolean;
  /** The base path (`BASE_PATH`, else the settings file's `base`), `/` or `/name/`. */
  base: string;
  /** The site's name, description, publisher, language, licence, contact and report prefix. */
  config: SiteConfig;
  /** Publish the original capture files (`publish_original_captures`; default false). */
  publishOriginals: boolean;
  /** Reliability lints are errors (`--strict` or `CASEFILE_STRICT=1`). */
  strict: boolean;
  /** Add the build's new URLs to `urls.lock` (`CASEFILE_LOCK=1`, never in CI). */
  lock: boolean;
  /** Show stack traces and Astro's full output (`DEBUG=casefile`). */
  debug: boolean;
  /** Running under continuous integration (`CI=true`): a build must name its site URL. */
  ci: boolean;
}

/** How readers reach the group. */
interface Contact {
  /** As written in the settings file. */
  text: string;
  /** The link: `mailto:` for an email address. */
  href: string;
}

/** The settings citations, feeds and page heads need. */
export interface SiteConfig {
  /** Name of the site, in titles and feeds. */
  title: string;
  /** One sentence about the site, for feeds and the home page head. */
  description: string;
  /** The publishing institution named in citations (`citation_technical_report_institution`). */
  publisher: string;
  /** Prefix of report numbers (e.g. `CF-`); when empty the number is the incident id alone. */
  reportNumberPrefix: string;
  /** Language of the write-ups (BCP 47). */
  language: string;
  /** Licence of the content, when the site names one. */
  license?: License | undefined;
  /** How readers reach the group, when the site says. */
  contact?: Contact | undefined;
}

/** The site description, written once. */
const defaultDescription =
  "Incident dossiers with charts, source-reliability tables and the deduplicated text of every source.";

/** The first problem of a failed parse as a CasefileError naming the variable. */
function invalid(field: string, error: z.ZodError, hint: string): CasefileError {
  return new CasefileError({
    file: "environment",
    field,
    message: error.issues[0]?.message ?? "invalid",
    hint,
  });
}

/** A value of the environment, or undefined when unset or empty. */
function given(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/** The folder a build reads: see `SiteSettings.root`. */
function siteRoot(project: string, env: NodeJS.ProcessEnv): { root: string; samples: boolean } {
  const chosen = given(env, "CASEFILE_SITE");
  if (chosen !== undefined) return { root: resolve(chosen), samples: false };
  const here = resolve(".");
  if (existsSync(join(here, settingsFile)) || existsSync(join(here, "content")))
    return { root: here, samples: false };
  return { root: join(project, samplesFolder), samples: true };
}

/** Reads and validates a site's settings file; an absent file is all defaults. */
function readSettingsFile(root: string): SettingsFile {
  const path = join(root, settingsFile);
  if (!existsSync(path)) return {};
  const { data, lineOf } = parseYamlFile(readFileSync(path, "utf8"), settingsFile);
  const result = validate(settingsSchema, data ?? {}, settingsFile, lineOf);
  if (!result.ok) throw new CasefileErrors(result.problems);
  const license = result.value.license;
  if (typeof license === "string" && !knownLicenses.has(license))
    throw new CasefileError({
      file: settingsFile,
      line: lineOf(["license"]),
      field: "license",
      message: `unknown licence "${license}" (known: ${[...knownLicenses.keys()].join(", ")})`,
      hint: `${didYouMean(license, knownLicenses.keys())}write another licence as { name: …, url: https://… }`,
    });
  return result.value;
}

/** A contact as a link. */
function contactOf(text: string): Contact {
  return { text, href: /^https?:/.test(text) ? text : `mailto:${text}` };
}

/**
 * Reads the settings from the site's settings file and the environment (and `--strict` among the
 * command's arguments); throws a CasefileError naming the file, line and field when one is invalid.
 */
export function readSettings(
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): SiteSettings {
  const project = fileURLToPath(new URL("../..", import.meta.url));
  const { root, samples } = siteRoot(project, env);
  const file = readSettingsFile(root);
  const urlGiven = given(env, "SITE_URL");
  if (urlGiven !== undefined && !siteUrl.safeParse(urlGiven).success)
    throw invalid(
      "SITE_URL",
      siteUrl.safeParse(urlGiven).error!,
      `set SITE_URL to the address the site is published at, such as https://owner.github.io (got "${urlGiven}")`,
    );
  const base = given(env, "BASE_PATH");
  if (base !== undefined && !basePath.safeParse(base).success)
    throw invalid(
      "BASE_PATH",
      basePath.safeParse(base).error!,
      `set BASE_PATH to the path the site lives under, such as /repository/ (got "${base}")`,
    );
  const url = urlGiven ?? file.url;
  const title = file.title ?? "Casefile";
  const license = typeof file.license === "string" ? knownLicenses.get(file.license) : file.license;
  return {
    project,
    root,
    samples,
    cacheDir: resolve(given(env, "CASEFILE_CACHE_DIR") ?? "./node_modules/.astro"),
    outDir: resolve(given(env, "CASEFILE_OUT_DIR") ?? "./dist"),
    url: url ?? devUrl,
    urlGiven: url !== undefined,
    base: normaliseBase(base ?? file.base ?? "/"),
    config: {
      title,
      description: file.description ?? defaultDescription,
      publisher: file.publisher ?? title,
      reportNumberPrefix: file.report_prefix ?? "",
      language: file.language ?? "en",
      license,
      contact: file.contact === undefined ? undefined : contactOf(file.contact),
    },
    publishOriginals:
      file.publish_original_captures ?? given(env, "CASEFILE_PUBLISH_ORIGINALS") === "1",
    strict: argv.includes("--strict") || env["CASEFILE_STRICT"] === "1",
    lock: env["CASEFILE_LOCK"] === "1" && env["CI"] !== "true",
    debug: (env["DEBUG"] ?? "").split(",").includes("casefile"),
    ci: env["CI"] === "true",
  };
}

/**
 * The report number of an incident: the site's prefix and the incident id, which is unique and
 * never changes. Every incident has one, so that Google Scholar and Zotero see a numbered report
 * (`citation_technical_report_number`) whether or not the site sets a prefix.
 */
export function reportNumber(config: SiteConfig, incidentId: string): string {
  return `${config.reportNumberPrefix}${incidentId}`;
}
