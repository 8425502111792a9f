/**
 * Data files for charts (`data/incidents/<id>/*.csv|tsv|json|yaml`) parsed into typed tables.
 * Every format ends in the same column typing, so a date or number means the same in each.
 */
import { LineCounter, parseDocument, isMap, isSeq, isScalar } from "yaml";
import type { Node as YamlNode } from "yaml";
import { CasefileError } from "../errors.ts";
import { readDelimited } from "../content/delimited.ts";
import type { Delimiter } from "../content/delimited.ts";
import { textOf, typeColumn } from "./column-types.ts";
import type { SourceCell } from "./column-types.ts";
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

/** Types every column and assembles typed and raw rows. */
function typeTable(source: SourceTable, file: string): DataTable {
  const rows: Row[] = source.records.map(() => ({}));
  const raw: RawRow[] = source.records.map(() => ({}));
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
  const { items, prefix } = rowsOf(data, file, undefined);
  return collect(
    items.map((item, index) => ({ item, field: `${prefix}[${index}]`, line: undefined })),
    file,
  );
}

/** YAML: a sequence of mappings, or a mapping with `rows:`. Cells carry their line numbers. */
function readYaml(text: string, file: string): SourceTable {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    throw new CasefileError({
      file,
      line: error.linePos?.[0]?.line,
      message: `invalid YAML (${error.message.split("\n")[0] ?? error.code})`,
      hint: "Check the indentation and that each row starts with “- ”",
    });
  }
  const lineOf = (node: YamlNode | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  let root: unknown = document.contents;
  let prefix = "";
  if (isMap(root)) {
    root = root.get("rows", true);
    prefix = "rows";
  }
  if (!isSeq(root)) {
    throw new CasefileError({ file, message: "expected a list of rows", hint: shapeHint });
  }
  const items = root.items.map((node, index) => {
    const field = `${prefix}[${index}]`;
    if (!isMap(node))
      throw new CasefileError({
        file,
        line: lineOf(node as YamlNode),
        field,
        message: "row is not a mapping of column names to values",
        hint: shapeHint,
      });
    const item: Record<string, { value: unknown; line: number | undefined }> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const value = pair.value as YamlNode | null;
      item[key] = {
        value: isScalar(value) ? value.value : value === null ? null : value.toJSON(),
        line: lineOf(value) ?? lineOf(pair.key as YamlNode),
      };
    }
    return { item, field, line: lineOf(node) };
  });
  return collect(items, file, true);
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

/** Turns objects (with optional per-cell lines) into records; columns in first-seen order. */
function collect(
  items: { item: unknown; field: string; line: number | undefined }[],
  file: string,
  withLines = false,
): SourceTable {
  const columns: string[] = [];
  const records = items.map(({ item, field, line }) => {
    if (!isRecord(item))
      throw new CasefileError({
        file,
        line,
        field,
        message: "row is not an object of column values",
        hint: shapeHint,
      });
    const cells = new Map<string, SourceCell>();
    for (const [name, entry] of Object.entries(item)) {
      const value: unknown = withLines ? (entry as { value: unknown }).value : entry;
      const cellLine = withLines ? (entry as { line: number | undefined }).line : undefined;
      if (!columns.includes(name)) columns.push(name);
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
          line: cellLine,
          field: cellField,
          message: `column "${name}" holds a nested ${Array.isArray(value) ? "list" : "object"}`,
          hint: "Chart data must be flat: one plain value (text, number, date, true/false) per column",
        });
      }
      cells.set(name, { value: value ?? null, line: cellLine, field: cellField });
    }
    return { cells };
  });
  return { columns, records, numbersFromText: false };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
