import type { Incident } from "../../schemas/incident.ts";

/** What every citation of one incident is made from: the incident and the site's configuration. */
export interface CitationInput {
  /** Incident id: file name and URL segment (`2024-venezuela-cne-ddos`). */
  id: string;
  /** The incident's validated frontmatter. */
  incident: Incident;
  /** Absolute canonical URL of the incident page. */
  url: string;
  /** The publishing institution, from the site configuration. */
  publisher: string;
  /** Report number, when the site configures a numbering scheme. */
  reportNumber?: string | undefined;
  /** Address of the content's licence, when the site names one. */
  license?: string | undefined;
}
