import { incidentCsl } from "../../cite/csl.ts";
import { citationFormats } from "../../cite/formats.ts";
import type { ExportFormat } from "../export-format.ts";

/** `cite.bib`: the citation as a BibTeX `@techreport` entry. */
export const citeBib: ExportFormat = {
  file: "cite.bib",
  type: "application/x-bibtex; charset=utf-8",
  label: "BibTeX",
  section: "citation",
  link: "bibtex",
  cacheKey: "citation",
  render: ({ citation }) => citationFormats(incidentCsl(citation)).bibtex,
};
