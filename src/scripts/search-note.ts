/**
 * Opened from disk (the offline zip), the search page says that search needs a web server. Kept
 * apart from the search script so that Astro inlines it: the offline copy drops external scripts.
 */
export function explainFileProtocol(root: Document): void {
  const note = root.querySelector<HTMLElement>("[data-search-note]");
  if (note && location.protocol === "file:") {
    note.textContent =
      "Search needs a web server: it cannot run from pages opened from disk. Every incident is listed below.";
  }
}
