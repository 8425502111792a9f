import { incidentCsl } from "../../cite/csl.ts";
import { citationFormats } from "../../cite/formats.ts";
import type { ExportFormat } from "../export-format.ts";

/** `cite.json`: the citation as CSL-JSON, an array of one item. */
export const citeJson: ExportFormat = {
  file: "cite.json",
  type: "application/vnd.citationstyles.csl+json; charset=utf-8",
  label: "CSL-JSON",
  section: "citation",
  link: "csl",
  cacheKey: "citation",
  render: ({ citation }) => citationFormats(incidentCsl(citation)).cslJson,
};
