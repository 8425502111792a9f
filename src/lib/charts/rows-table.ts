/** Data tables built from rows computed in code (automatic charts), for `dataTableHtml`. */
import { formatValue } from "./describe.ts";
import type { Column, DataTable, RawRow, Row } from "./table-types.ts";

/** A data table of computed rows; cells are shown as ISO dates and plain numbers. */
export function tableFromRows(file: string, columns: Column[], rows: Row[]): DataTable {
  const raw = rows.map((row): RawRow => {
    const cells = Object.create(null) as RawRow;
    for (const { name } of columns) {
      const value = row[name] ?? null;
      cells[name] = value === null ? null : formatValue(value);
    }
    return cells;
  });
  return { file, columns, rows, raw };
}
