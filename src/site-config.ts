/**
 * Site-wide settings that citations, feeds and page heads need. Edit the defaults here, or set
 * the environment variables at build time.
 */
export const siteConfig = {
  /** Name of the site, in titles and feeds. */
  title: process.env["CASEFILE_TITLE"] || "Casefile",
  /** One sentence about the site, for feeds and the home page head. */
  description:
    "Incident dossiers with charts, source-reliability grades and the deduplicated text of every source.",
  /** The publishing institution named in citations (`citation_technical_report_institution`). */
  publisher: process.env["CASEFILE_PUBLISHER"] || "Casefile",
  /** Prefix of report numbers (e.g. `CF-`); none when empty, so no number is cited. */
  reportNumberPrefix: process.env["CASEFILE_REPORT_PREFIX"] || "",
  /** Language of the write-ups. */
  language: "en",
} as const;

/** The report number of an incident, when the site numbers its reports. */
export function reportNumber(incidentId: string): string | undefined {
  return siteConfig.reportNumberPrefix
    ? `${siteConfig.reportNumberPrefix}${incidentId}`
    : undefined;
}
