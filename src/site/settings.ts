/**
 * The settings of one site, read once from the integration's options and the environment and
 * validated, so that a bad `SITE_URL` or `BASE_PATH` stops the build with one clear paragraph.
 * Everything else (the integration, the pages through `virtual:casefile/settings`, the check and
 * the after-build steps) takes its settings from here instead of reading the environment itself.
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CasefileError } from "../lib/errors.ts";
import { normaliseBase } from "../lib/urls/paths.ts";

/** What a site may set in `casefile({ … })` in astro.config.mjs; each falls back as documented. */
const optionsSchema = z
  .object({
    /** Name of the site, in titles and feeds. Default: `CASEFILE_TITLE`, else "Casefile". */
    title: z.string().min(1).optional(),
    /** The publishing institution named in citations. Default: `CASEFILE_PUBLISHER`, else "Casefile". */
    publisher: z.string().min(1).optional(),
    /** Prefix of report numbers (`CF-`), put before the incident id. Default: `CASEFILE_REPORT_PREFIX`. */
    reportPrefix: z.string().optional(),
    /** One sentence about the site, for feeds and the home page head. */
    description: z.string().min(1).optional(),
    /**
     * Publish each capture's original file beside its extracted text, listed with its SHA-256.
     * Default: `CASEFILE_PUBLISH_ORIGINALS=1`, else false, since a site may not have the right to
     * republish what it captured.
     */
    publishOriginalCaptures: z.boolean().optional(),
  })
  .strict();

/** The options of `casefile()`. */
export type CasefileOptions = z.input<typeof optionsSchema>;

/** A site URL: http(s), origin only or with a path, as GitHub Pages gives it. */
const siteUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^/\s]+(\/\S*)?$/.test(value) && URL.canParse(value), {
    error: "not an http(s) URL",
  });

/** A base path made of URL-safe segments (`/`, `/casefile/`, `name`). */
const basePath = z
  .string()
  .refine((value) => /^\/?([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*\/?$/.test(value), {
    error: "not a path of URL-safe segments",
  });

/** The resolved settings of a site. */
export interface SiteSettings {
  /** The engine's own folder (where astro.config.mjs is). */
  project: string;
  /** The folder holding the researchers' `content/` and `data/` (`CASEFILE_SITE`, else the project). */
  root: string;
  /** Astro's cache folder (`CASEFILE_CACHE_DIR`): data store, incremental pages, charts. */
  cacheDir: string;
  /** The output folder (`CASEFILE_OUT_DIR`). */
  outDir: string;
  /** The site's URL (`SITE_URL`); locally the dev server's. */
  url: string;
  /** False when no `SITE_URL` was given and `url` is the dev server's address. */
  urlGiven: boolean;
  /** The base path (`BASE_PATH`), `/` or `/name/`. */
  base: string;
  /** The site's name, description, publisher and report-number prefix. */
  config: SiteConfig;
  /** Publish the original capture files (`publishOriginalCaptures`; default false). */
  publishOriginals: boolean;
  /** Reliability lints are errors (`--strict` or `CASEFILE_STRICT=1`). */
  strict: boolean;
  /** Add the build's new URLs to `urls.lock` (`CASEFILE_LOCK=1`, never in CI). */
  lock: boolean;
  /** Show stack traces and Astro's full output (`DEBUG=casefile`). */
  debug: boolean;
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
  /** Language of the write-ups. */
  language: string;
}

/** The site description, written once. */
const defaultDescription =
  "Incident dossiers with charts, source-reliability tables and the deduplicated text of every source.";

/** The first problem of a failed parse as a CasefileError naming the setting. */
function invalid(field: string, error: z.ZodError, hint: string): CasefileError {
  const issue = error.issues[0];
  return new CasefileError({
    file: field.startsWith("casefile(") ? "astro.config.mjs" : "environment",
    field,
    message: issue?.message ?? "invalid",
    hint,
  });
}

/** A value of the environment, or undefined when unset or empty. */
function given(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === "" ? undefined : value;
}

/**
 * Reads the settings from the integration's options and the environment (and `--strict` among
 * the command's arguments); throws a CasefileError naming the setting when one is invalid.
 */
export function readSettings(
  options: CasefileOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv,
): SiteSettings {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success)
    throw invalid(
      `casefile(${parsed.error.issues[0]?.path.join(".") ?? ""})`,
      parsed.error,
      "the options are title, publisher, reportPrefix and description, each a string, and publishOriginalCaptures, true or false",
    );
  const url = given(env, "SITE_URL") ?? "http://localhost:4321";
  const urlCheck = siteUrl.safeParse(url);
  if (!urlCheck.success)
    throw invalid(
      "SITE_URL",
      urlCheck.error,
      `set SITE_URL to the address the site is published at, such as https://owner.github.io (got "${url}")`,
    );
  const base = given(env, "BASE_PATH") ?? "/";
  const baseCheck = basePath.safeParse(base);
  if (!baseCheck.success)
    throw invalid(
      "BASE_PATH",
      baseCheck.error,
      `set BASE_PATH to the path the site lives under, such as /repository/ (got "${base}")`,
    );
  const project = fileURLToPath(new URL("../..", import.meta.url));
  const option = parsed.data;
  return {
    project,
    root: resolve(given(env, "CASEFILE_SITE") ?? "."),
    cacheDir: resolve(given(env, "CASEFILE_CACHE_DIR") ?? "./node_modules/.astro"),
    outDir: resolve(given(env, "CASEFILE_OUT_DIR") ?? "./dist"),
    url,
    urlGiven: given(env, "SITE_URL") !== undefined,
    base: normaliseBase(base),
    config: {
      title: option.title ?? given(env, "CASEFILE_TITLE") ?? "Casefile",
      description: option.description ?? defaultDescription,
      publisher: option.publisher ?? given(env, "CASEFILE_PUBLISHER") ?? "Casefile",
      reportNumberPrefix: option.reportPrefix ?? given(env, "CASEFILE_REPORT_PREFIX") ?? "",
      language: "en",
    },
    publishOriginals:
      option.publishOriginalCaptures ?? given(env, "CASEFILE_PUBLISH_ORIGINALS") === "1",
    strict: argv.includes("--strict") || env["CASEFILE_STRICT"] === "1",
    lock: env["CASEFILE_LOCK"] === "1" && env["CI"] !== "true",
    debug: (env["DEBUG"] ?? "").split(",").includes("casefile"),
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
