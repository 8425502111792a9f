import { incidentCsl } from "../../cite/csl.ts";
import { citationFormats } from "../../cite/formats.ts";
import type { ExportFormat } from "../export-format.ts";

/** `cite.ris`: the citation as an RIS `RPRT` record. */
export const citeRis: ExportFormat = {
  file: "cite.ris",
  type: "application/x-research-info-systems; charset=utf-8",
  label: "RIS",
  section: "citation",
  link: "ris",
  cacheKey: "citation",
  render: ({ citation }) => citationFormats(incidentCsl(citation)).ris,
};
