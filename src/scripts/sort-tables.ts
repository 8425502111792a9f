/**
 * Enhancement: makes the header cells of `table[data-sortable]` buttons that sort the rows by that
 * column. Without JavaScript the table keeps the author's order, which is meaningful on its own.
 */
export function enhanceSortableTables(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>("table[data-sortable]")) {
    const body = table.tBodies[0];
    const headers = [...table.querySelectorAll<HTMLTableCellElement>("thead th")];
    if (!body) continue;
    const original = [...body.rows];
    headers.forEach((header, column) => {
      const kind = header.dataset["sort"];
      if (!kind) return;
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = header.textContent;
      header.textContent = "";
      header.append(button);
      header.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const next =
          header.getAttribute("aria-sort") === "ascending"
            ? "descending"
            : header.getAttribute("aria-sort") === "descending"
              ? "none"
              : "ascending";
        for (const other of headers)
          if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
        header.setAttribute("aria-sort", next);
        const value = (row: HTMLTableRowElement) =>
          row.cells[column]?.dataset["value"] ?? row.cells[column]?.textContent ?? "";
        const rows =
          next === "none"
            ? original
            : [...original].sort((a, b) => {
                const order =
                  kind === "number"
                    ? Number(value(a)) - Number(value(b))
                    : value(a).localeCompare(value(b));
                return next === "ascending" ? order : -order;
              });
        // One row at a time: a long table's rows spread into arguments would overflow the stack.
        for (const row of rows) body.append(row);
      });
    });
  }
}
