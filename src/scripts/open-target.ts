/**
 * Enhancement: opens the `<details>` around the element a link's fragment names (a paragraph of a
 * source text, from a search result), and scrolls to it. Browsers that follow the HTML standard's
 * "ancestor details revealing algorithm" do this themselves; this covers those that do not yet.
 */
export function openFragmentTarget(root: Document): void {
  const reveal = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id === "" ? null : root.getElementById(id);
    if (target === null) return;
    let closed = false;
    for (
      let details = target.closest("details");
      details;
      details = details.parentElement?.closest("details") ?? null
    ) {
      if (!details.open) closed = true;
      details.open = true;
    }
    if (closed) target.scrollIntoView();
  };
  reveal();
  window.addEventListener("hashchange", reveal);
}
