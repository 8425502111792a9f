/** The shapes shared by the chart core: typed data tables as parsed from authors' data files. */

/** The kind of values a column holds, inferred from all of its cells. */
export type ColumnType = "number" | "date" | "string" | "boolean";

/** One typed cell: empty cells are `null`. */
export type Value = number | Date | string | boolean | null;

/** One data row, keyed by column name. */
export type Row = Record<string, Value>;

/** One data row as the author wrote it (for display), keyed by column name; empty cells are `null`. */
export type RawRow = Record<string, string | null>;

/** A column's name and inferred type. */
export interface Column {
  /** The header (CSV) or key (JSON, YAML) naming the column. */
  name: string;
  /** The type every non-empty cell in the column has. */
  type: ColumnType;
}

/** A parsed data file: typed rows for charts and the author's text of each cell for tables. */
export interface DataTable {
  /** Path of the data file, relative to the site root. */
  file: string;
  /** Columns in the order they first appear. */
  columns: Column[];
  /** Typed rows, in file order. */
  rows: Row[];
  /** The same rows as the author wrote them (dates keep their original offset). */
  raw: RawRow[];
}
