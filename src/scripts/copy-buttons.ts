/**
 * Enhancement: shows the hidden `button[data-copy]` buttons and copies the text of the element
 * they name. Without JavaScript (or a clipboard) the text stays selectable and downloadable.
 */
export function enhanceCopyButtons(root: ParentNode): void {
  if (!navigator.clipboard) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const target = document.getElementById(button.dataset["copy"] ?? "");
    if (!target) continue;
    const label = button.textContent ?? "Copy";
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(target.textContent ?? "");
      button.textContent = "Copied";
      setTimeout(() => (button.textContent = label), 1500);
    });
  }
}
