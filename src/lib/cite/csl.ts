import type { CitationInput } from "./input.ts";
import { dayParts, versionDay } from "./dates.ts";
import { citedName, type CslName } from "./names.ts";

/** A CSL-JSON date. */
interface CslDate {
  /** One `[year, month, day]` triple. */
  "date-parts": [[number, number, number]];
}

/** The CSL-JSON item of an incident dossier (type `report`). */
export interface CslItem {
  /** The incident id. */
  id: string;
  /** Always `report`; citation-js maps it to BibTeX `@techreport` and RIS `RPRT`. */
  type: "report";
  /** BibTeX key: the id with `_` for `-`, because citation-js refuses keys with hyphens. */
  "citation-key": string;
  /** The incident title. */
  title: string;
  /** The incident's authors, parsed. */
  author: CslName[];
  /** First publication day. */
  issued: CslDate;
  /** Day of the current version (`YYYY-MM-DD`): the latest revision or update. */
  version: string;
  /** The publishing institution. */
  publisher: string;
  /** Canonical URL of the incident page. */
  URL: string;
  /** Report number, when configured. */
  number?: string;
  /** Kind of report, shown by most styles. */
  genre: string;
  /** The incident summary. */
  abstract: string;
  /** Address of the content's licence (CSL 1.0.2 `license`), when the site names one. */
  license?: string;
}

/** What citations call an incident write-up: the kind of report (CSL `genre`, BibTeX `type`). */
export const dossierGenre = "Incident dossier";

/** The CSL-JSON item citing one incident; it deliberately has no `accessed` date. */
export function incidentCsl(input: CitationInput): CslItem {
  const { id, incident, url, publisher, reportNumber } = input;
  const item: CslItem = {
    id,
    type: "report",
    "citation-key": id.replaceAll("-", "_"),
    title: incident.title,
    author: incident.authors.map(citedName),
    issued: { "date-parts": [dayParts(incident.published)] },
    version: versionDay(incident),
    publisher,
    URL: url,
    genre: dossierGenre,
    abstract: incident.summary,
  };
  if (reportNumber !== undefined && reportNumber !== "") item.number = reportNumber;
  if (input.license !== undefined) item.license = input.license;
  return item;
}
