/**
 * Enhancement: opens every closed `<details>` before printing, so that the paper copy holds the
 * whole text, and closes them again afterwards.
 */
export function openDetailsForPrint(root: Document): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener("beforeprint", () => {
    opened = [...root.querySelectorAll<HTMLDetailsElement>("details:not([open])")];
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}
