/**
 * Data files for charts (`data/incidents/<id>/*.csv|tsv|json|yaml`) parsed into typed tables.
 * Every format ends in the same column typing, so a date or number means the same in each.
 */
import { isMap, isScalar, isSeq } from "yaml";
import { CasefileError } from "../errors.ts";
import { eachDelimitedRecord, readDelimited } from "../content/delimited.ts";
import type { Delimiter } from "../content/delimited.ts";
import { parseYamlDocument } from "../content/yaml-file.ts";
import { duplicateJsonKey } from "./json-keys.ts";
import {
  columnType,
  emptyTally,
  fitsType,
  misfitError,
  tallyCell,
  textOf,
  typeColumn,
} from "./column-types.ts";
import type { Reading, SourceCell } from "./column-types.ts";
import type { DataTable, RawRow, Row } from "./table-types.ts";

/** The table types, re-exported for callers of `parseDataFile`. */
export type { DataTable } from "./table-types.ts";

/** Cells of one record before typing, keyed by column, plus the line the record starts on. */
interface SourceRecord {
  cells: Map<string, SourceCell>;
}

/** Untyped records of one file, and whether its text cells may hold numbers (CSV/TSV). */
interface SourceTable {
  columns: string[];
  records: SourceRecord[];
  numbersFromText: boolean;
}

type FormatReader = (text: string, file: string) => SourceTable;

const readers = {
  csv: (text, file) => delimitedTable(text, file, ","),
  tsv: (text, file) => delimitedTable(text, file, "\t"),
  json: readJson,
  yaml: readYaml,
  yml: readYaml,
} satisfies Record<string, FormatReader>;

/** Parses a CSV, TSV, JSON or YAML data file (chosen by `name`'s extension) into a typed table. */
export function parseDataFile(name: string, text: string, file: string): DataTable {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  const reader: FormatReader | undefined = Object.hasOwn(readers, extension)
    ? readers[extension as keyof typeof readers]
    : undefined;
  if (!reader) {
    throw new CasefileError({
      file,
      message: `cannot read data file "${name}"`,
      hint: "Chart data must be a .csv, .tsv, .json, .yaml or .yml file",
    });
  }
  const source = reader(text.replace(/^\uFEFF/, ""), file);
  return typeTable(source, file);
}

/**
 * Throws the error `parseDataFile` would throw for this file, if any, without building its table.
 * CSV and TSV are read record by record, twice (once to type the columns, once to find a cell
 * that does not fit its column), so that a large file no chart draws is checked in the memory of
 * its text rather than of its cells (a 500 × 10,000 CSV: about 1.6 GB). JSON and YAML are parsed.
 */
export function checkDataFile(name: string, text: string, file: string): void {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase() ?? "";
  if (extension !== "csv" && extension !== "tsv") {
    parseDataFile(name, text, file);
    return;
  }
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = extension === "csv" ? "," : "\t";
  let tallies = [emptyTally()];
  const columns = eachDelimitedRecord(body, file, delimiter, ({ fields }) => {
    if (tallies.length !== fields.length) tallies = fields.map(() => emptyTally());
    for (let i = 0; i < fields.length; i++) tallyCell(tallies[i]!, fields[i] ?? null, true);
  });
  if (tallies.length !== columns.length) return;
  const types = tallies.map(columnType);
  if (types.every((type) => type === "string")) return;
  // The first misfit of each column; `typeTable` reports the leftmost column's.
  const misfits: ({ reading: Reading; cell: SourceCell } | undefined)[] = columns.map(
    () => undefined,
  );
  eachDelimitedRecord(body, file, delimiter, ({ line, fields }) => {
    for (let i = 0; i < fields.length; i++) {
      if (misfits[i] !== undefined || types[i] === "string") continue;
      const value = fields[i] ?? null;
      const reading = tallyCell(emptyTally(), value, true);
      if (!fitsType(reading, types[i]!))
        misfits[i] = { reading, cell: { value, line, field: columns[i]! } };
    }
  });
  const first = misfits.findIndex((misfit) => misfit !== undefined);
  if (first < 0) return;
  const { reading, cell } = misfits[first]!;
  throw misfitError(columns[first]!, types[first]!, reading, cell, file);
}

/** Types every column and assembles typed and raw rows. */
function typeTable(source: SourceTable, file: string): DataTable {
  // Rows are keyed by the author's column names: without a prototype, a column named
  // `__proto__` or `constructor` is a column like any other.
  const rows: Row[] = source.records.map(() => Object.create(null) as Row);
  const raw: RawRow[] = source.records.map(() => Object.create(null) as RawRow);
  const columns = source.columns.map((name) => {
    const cells = source.records.map(
      (record) => record.cells.get(name) ?? { value: null, field: name },
    );
    const { column, values } = typeColumn(name, cells, file, source.numbersFromText);
    values.forEach((value, index) => {
      const row = rows[index];
      const rawRow = raw[index];
      const cell = cells[index];
      if (row === undefined || rawRow === undefined || cell === undefined) return;
      row[name] = value;
      rawRow[name] = value === null ? null : textOf(cell.value);
    });
    return column;
  });
  return { file, columns, rows, raw };
}

/** A CSV or TSV file's records, each cell with the line of its record. */
function delimitedTable(text: string, file: string, delimiter: Delimiter): SourceTable {
  const { columns, records } = readDelimited(text, file, delimiter);
  return {
    columns,
    records: records.map(({ line, fields }) => ({
      cells: new Map(
        columns.map((name, index) => [name, { value: fields[index] ?? null, line, field: name }]),
      ),
    })),
    numbersFromText: true,
  };
}

/** JSON: an array of objects, or `{ "rows": [...] }`. Positions are reported as fields. */
function readJson(text: string, file: string): SourceTable {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8 quotes the offending text, line breaks included: keep the message on one line.
    const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
    const line = /line (\d+)/.exec(detail)?.[1];
    throw new CasefileError({
      file,
      line: line === undefined ? undefined : Number(line),
      message: `invalid JSON (${detail})`,
      hint: "Check for trailing commas and unquoted keys",
    });
  }
  const duplicate = duplicateJsonKey(text);
  if (duplicate) {
    throw new CasefileError({
      file,
      line: duplicate.line,
      message: `key "${duplicate.key}" appears twice in one object`,
      hint: "Give every column of a row one value; JSON keeps only the last of two",
    });
  }
  const { items, prefix } = rowsOf(data, file, undefined);
  return collect(
    items.map((item, index) => {
      const field = `${prefix}[${index}]`;
      if (!isRecord(item))
        throw new CasefileError({
          file,
          field,
          message: "row is not an object of column values",
          hint: shapeHint,
        });
      return {
        field,
        cells: Object.entries(item).map(([name, value]) => ({ name, value, line: undefined })),
      };
    }),
    file,
  );
}

/** YAML: a sequence of mappings, or a mapping with `rows:`. Cells carry their line numbers. */
function readYaml(text: string, file: string): SourceTable {
  const { document, data, lineAt } = parseYamlDocument(text, file, {
    malformed: (detail) => `invalid YAML (${detail})`,
    hint: "Check the indentation and that each row starts with “- ”",
  });
  let root: unknown = document.contents;
  let rows: unknown = data;
  let prefix = "";
  if (isMap(root)) {
    root = root.get("rows", true);
    rows = isRecord(data) ? data["rows"] : undefined;
    prefix = "rows";
  }
  if (!isSeq(root) || !Array.isArray(rows)) {
    throw new CasefileError({ file, message: "expected a list of rows", hint: shapeHint });
  }
  const items = root.items.map((node, index) => {
    const field = `${prefix}[${index}]`;
    const values: unknown = rows[index];
    if (!isMap(node) || !isRecord(values))
      throw new CasefileError({
        file,
        line: lineAt(node),
        field,
        message: "row is not a mapping of column names to values",
        hint: shapeHint,
      });
    const cells = node.items.map((pair) => {
      if (!isScalar(pair.key))
        throw new CasefileError({
          file,
          line: lineAt(pair.key),
          field,
          message: "a column name is a list or a mapping",
          hint: "Name each column with plain text",
        });
      const name = String(pair.key.value);
      // The value as the data has it (aliases expanded); an own `__proto__` key reads as one.
      return { name, value: values[name], line: lineAt(pair.value) ?? lineAt(pair.key) };
    });
    return { field, cells };
  });
  return collect(items, file);
}

const shapeHint =
  'Write an array of rows, each an object of column values, or an object with a "rows" array';

function rowsOf(
  data: unknown,
  file: string,
  line: number | undefined,
): { items: unknown[]; prefix: string } {
  if (Array.isArray(data)) return { items: data, prefix: "" };
  if (isRecord(data) && Array.isArray(data["rows"])) return { items: data["rows"], prefix: "rows" };
  throw new CasefileError({ file, line, message: "expected a list of rows", hint: shapeHint });
}

/** One row before typing: its field path and its cells by column name, with their lines. */
interface SourceItem {
  field: string;
  cells: { name: string; value: unknown; line: number | undefined }[];
}

/** Turns rows of named cells into records; columns in first-seen order. */
function collect(items: SourceItem[], file: string): SourceTable {
  const columns: string[] = [];
  const seen = new Set<string>();
  const records = items.map(({ field, cells: entries }) => {
    const cells = new Map<string, SourceCell>();
    for (const { name, value, line } of entries) {
      if (!seen.has(name)) {
        seen.add(name);
        columns.push(name);
      }
      const cellField = `${field}.${name}`;
      if (
        value !== null &&
        value !== undefined &&
        typeof value !== "string" &&
        typeof value !== "number" &&
        typeof value !== "boolean"
      ) {
        throw new CasefileError({
          file,
          line,
          field: cellField,
          message: `column "${name}" holds a nested ${Array.isArray(value) ? "list" : "object"}`,
          hint: "Chart data must be flat: one plain value (text, number, date, true/false) per column",
        });
      }
      cells.set(name, { value: value ?? null, line, field: cellField });
    }
    return { cells };
  });
  return { columns, records, numbersFromText: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
