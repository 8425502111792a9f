import { z } from "zod";
import { webUrl } from "./common.ts";

/** The settings file of a site, at its root: the one file a group edits once. */
export const settingsFile = "casefile.config.yaml";

/** A site URL: http(s), origin only or with a path, as GitHub Pages gives it. */
export const siteUrl = z
  .string()
  .refine((value) => /^https?:\/\/[^/\s]+(\/\S*)?$/.test(value) && URL.canParse(value), {
    error: "not an http(s) URL",
  });

/** A base path made of URL-safe segments (`/`, `/casefile/`, `name`). */
export const basePath = z
  .string()
  .refine((value) => /^\/?([A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*\/?$/.test(value), {
    error: "not a path of URL-safe segments",
  });

/** A BCP 47 language tag that `Intl` accepts (`en`, `es`, `pt-BR`). */
const language = z.string().refine(
  (value) => {
    try {
      return Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  },
  { error: "not a BCP 47 language tag" },
);

/** A licence written out: its name and where its text is. */
const namedLicense = z.strictObject({
  /** Name as readers see it (`CC BY 4.0`). */
  name: z.string().min(1),
  /** Address of the licence's text. */
  url: webUrl,
});

/** An email address, or a web address where readers reach the group. */
const contact = z
  .string()
  .refine((value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || webUrl.safeParse(value).success, {
    error: "not an email address or an http(s) URL",
  });

/**
 * `casefile.config.yaml`: every field is optional and falls back to the default noted beside it.
 * `SITE_URL` and `BASE_PATH` in the environment override `url` and `base` (the Pages workflow sets
 * them from the repository).
 */
export const settingsSchema = z.strictObject({
  /** Name of the site, in page titles, the feed and `og:site_name`. Default: "Casefile". */
  title: z.string().min(1).optional(),
  /** One sentence about the site, for the feed and the home page. Default: Casefile's own. */
  description: z.string().min(1).optional(),
  /** The address the site is published at. Default: none (a warning, an error under CI=true). */
  url: siteUrl.optional(),
  /** The path the site lives under (`/repository/` for a project site). Default: `/`. */
  base: basePath.optional(),
  /** The publishing institution: citations, Highwire tags, the STIX identity, the feed. Default: the title. */
  publisher: z.string().min(1).optional(),
  /** Language of the write-ups, a BCP 47 tag: `<html lang>` and citations. Default: `en`. */
  language: language.optional(),
  /** Licence of the content: an SPDX id Casefile knows (`CC-BY-4.0`) or `{ name, url }`. Default: none. */
  license: z.union([z.string().min(1), namedLicense]).optional(),
  /** Prefix of report numbers, put before the incident id (`CF-`). Default: none. */
  report_prefix: z
    .string()
    .regex(/^[A-Za-z0-9._/-]*$/, { error: "only letters, digits, -, _, . and / are allowed" })
    .optional(),
  /** An email address or web address where readers reach the group, shown on every page. */
  contact: contact.optional(),
  /**
   * Publish each capture's original file beside its extracted text, listed with its SHA-256.
   * Default: false (`CASEFILE_PUBLISH_ORIGINALS=1` turns it on), since a site may not have the
   * right to republish what it captured.
   */
  publish_original_captures: z.boolean().optional(),
});

/** The settings file as written. */
export type SettingsFile = z.output<typeof settingsSchema>;
