/**
 * The data behind a chart as an HTML table, for the `<details>` under each chart: readers without
 * sight of the chart (or without trust in it) get every value, as the author wrote it.
 */
import { escapeAttribute, escapeText } from "./serialize.ts";
import type { Column, DataTable } from "./table-types.ts";

/** How to present a data table. */
export interface DataTableOptions {
  /** Text of the table's `<caption>`. */
  caption?: string | undefined;
  /** Show at most this many rows, with a note of how many were left out (`tableRows` unless given). */
  maxRows?: number | undefined;
  /** Where the whole data file is published, linked from the note on rows left out. */
  fullData?: string | undefined;
}

/**
 * The most rows a chart's data table shows: a table a reader can scan, and a page that stays light
 * (100,000 rows made a 25 MB page); the note under it links to the whole file.
 */
export const tableRows = 1000;

/** Renders a data table as an escaped HTML `<table>` (class `cf-data-table`). */
export function dataTableHtml(table: DataTable, options: DataTableOptions = {}): string {
  const limit = Math.max(0, Math.floor(options.maxRows ?? tableRows));
  const shown = Math.min(limit, table.rows.length);
  const caption =
    options.caption === undefined ? "" : `<caption>${escapeText(options.caption)}</caption>`;
  const head = `<thead><tr>${table.columns.map((column) => `<th scope="col"${typeClass(column)}>${escapeText(column.name)}</th>`).join("")}</tr></thead>`;
  const body = Array.from({ length: shown }, (_, index) => {
    const cells = table.columns.map(
      (column) => `<td${typeClass(column)}>${cellHtml(table, index, column)}</td>`,
    );
    return `<tr>${cells.join("")}</tr>`;
  }).join("");
  const left = table.rows.length - shown;
  const foot =
    left > 0
      ? `<tfoot><tr><td colspan="${table.columns.length}">${shown} of ${table.rows.length} rows shown; ${left} more in ${options.fullData === undefined ? "the data file" : `<a href="${escapeAttribute(options.fullData)}">the data file</a>`}.</td></tr></tfoot>`
      : "";
  return `<table class="cf-data-table">${caption}${head}${body === "" ? "" : `<tbody>${body}</tbody>`}${foot}</table>`;
}

/** Numbers align right and dates keep to one line; the class names say which is which. */
function typeClass(column: Column): string {
  return column.type === "number" || column.type === "date" ? ` class="cf-${column.type}"` : "";
}

/** A cell as the author wrote it; dates are wrapped in `<time>` with the instant in UTC. */
function cellHtml(table: DataTable, index: number, column: Column): string {
  const text = table.raw[index]?.[column.name] ?? null;
  if (text === null) return "";
  const value = table.rows[index]?.[column.name];
  if (value instanceof Date) {
    const iso = /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : value.toISOString();
    return `<time datetime="${escapeAttribute(iso)}">${escapeText(text)}</time>`;
  }
  return escapeText(text);
}
