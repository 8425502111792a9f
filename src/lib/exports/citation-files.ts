import type { ExportInput } from "./export-format.ts";
import { exportLinks } from "./index.ts";

/** One downloadable citation file as "Cite this dossier" shows it: in full, with a link. */
export interface CitationFile {
  /** The format's name (BibTeX). */
  name: string;
  /** The id of the element that shows the text, for its copy button (`cite-bibtex`). */
  id: string;
  /** The file's text. */
  text: string;
  /** The link to the file. */
  file: string;
  /** The file's name when downloaded. */
  download: string;
}

/** The incident's exports in the page's citation section, with their texts, linked through `link`. */
export function citationFiles(input: ExportInput, link: (path: string) => string): CitationFile[] {
  return exportLinks("citation", input.dossier.incident.id, link).map(({ format, href }) => ({
    name: format.label,
    id: `cite-${format.link ?? format.file}`,
    text: format.render(input),
    file: href,
    download: format.file,
  }));
}
