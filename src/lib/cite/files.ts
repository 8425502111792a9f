import type { CslItem } from "./csl.ts";
import { citationFormats } from "./formats.ts";

/** The downloadable citation files of an incident, by file name, with their media types. */
export function citationFiles(
  csl: CslItem,
): Record<"cite.bib" | "cite.ris" | "cite.json", { body: string; type: string }> {
  const formats = citationFormats(csl);
  return {
    "cite.bib": {
      body: ensureNewline(formats.bibtex),
      type: "application/x-bibtex; charset=utf-8",
    },
    "cite.ris": {
      body: ensureNewline(formats.ris),
      type: "application/x-research-info-systems; charset=utf-8",
    },
    "cite.json": {
      body: ensureNewline(formats.cslJson),
      type: "application/vnd.citationstyles.csl+json; charset=utf-8",
    },
  };
}

/** Text files end with a newline. */
function ensureNewline(text: string): string {
  return text.endsWith("\n") ? text : `${text}\n`;
}
