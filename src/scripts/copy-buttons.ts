/**
 * Enhancement: shows the hidden `button[data-copy]` buttons and copies the text of the element
 * they name. Without JavaScript (or a clipboard) the text stays selectable and downloadable.
 */
export function enhanceCopyButtons(root: ParentNode): void {
  // Absent outside secure contexts (a page opened from file:// or plain http), whatever the types say.
  if (!("clipboard" in navigator)) return;
  for (const button of root.querySelectorAll<HTMLButtonElement>("button[data-copy]")) {
    const target = document.getElementById(button.dataset["copy"] ?? "");
    if (!target) continue;
    const label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", () => {
      void navigator.clipboard.writeText(target.textContent).then(() => {
        button.textContent = "Copied";
        setTimeout(() => (button.textContent = label), 1500);
      });
    });
  }
}
