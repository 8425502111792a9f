/**
 * Column typing for data files: every column gets one type, decided by all of its cells, so a
 * stray value in a numeric or date column stops the build instead of silently becoming a gap.
 */
import { CasefileError } from "../errors.ts";
import { parseIsoDate } from "./iso-date.ts";
import type { Column, ColumnType, Value } from "./table-types.ts";

/** One cell before typing, with where it sits in its file. */
export interface SourceCell {
  /** The cell as read: CSV gives strings, JSON and YAML may give numbers or booleans. */
  value: string | number | boolean | null;
  /** 1-based line of the cell, when the format tells. */
  line?: number | undefined;
  /** Dotted path of the cell for formats without reliable lines (e.g. `[2].ips`). */
  field: string;
}

/** One cell read on its own, before its column's type is known. */
export type Reading =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; value: Date }
  | { kind: "bad-date"; reason: string }
  | { kind: "string"; value: string };

const numberPattern = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

const typeHints = {
  number:
    "Write plain numbers such as 1234.5 (no units or thousands separators), or leave the cell empty",
  date: "Write ISO 8601 dates such as 2024-07-28 or 2024-07-28T11:29:00-04:00, or leave the cell empty",
} as const;

/** Reads one cell on its own; the column decides later what it must be. */
function read(value: SourceCell["value"]): Reading {
  if (value === null) return { kind: "empty" };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  const text = value.trim();
  if (text === "") return { kind: "empty" };
  return { kind: "string", value };
}

/** Reads a text cell as CSV would mean it: numbers, `true`/`false` and ISO dates are typed. */
function readText(value: SourceCell["value"], numbersFromText: boolean): Reading {
  const reading = read(value);
  if (reading.kind !== "string") return reading;
  const text = reading.value.trim();
  if (numbersFromText && numberPattern.test(text)) return { kind: "number", value: Number(text) };
  if (numbersFromText && (text === "true" || text === "false"))
    return { kind: "boolean", value: text === "true" };
  const date = parseIsoDate(text);
  if (date.kind === "date") return { kind: "date", value: date.date };
  if (date.kind === "invalid") return { kind: "bad-date", reason: date.reason };
  return reading;
}

/** How many cells of a column read as each kind, to decide its type (see `columnType`). */
export interface ColumnTally {
  /** Cells that are not empty. */
  filled: number;
  /** Cells that read as numbers. */
  numbers: number;
  /** Cells that read as true or false. */
  booleans: number;
  /** Cells that read as dates, valid or not. */
  dates: number;
}

/** A tally of no cells. */
export function emptyTally(): ColumnTally {
  return { filled: 0, numbers: 0, booleans: 0, dates: 0 };
}

/** Reads one cell as `typeColumn` would and counts it in `tally`; returns the reading. */
export function tallyCell(
  tally: ColumnTally,
  value: SourceCell["value"],
  numbersFromText: boolean,
): Reading {
  const reading = readText(value, numbersFromText);
  if (reading.kind === "empty") return reading;
  tally.filled++;
  if (reading.kind === "number") tally.numbers++;
  else if (reading.kind === "boolean") tally.booleans++;
  else if (reading.kind === "date" || reading.kind === "bad-date") tally.dates++;
  return reading;
}

/** The type of a column whose cells were counted in `tally`: the kind most of them are. */
export function columnType(tally: ColumnTally): ColumnType {
  const { filled } = tally;
  if (filled > 0 && tally.booleans === filled) return "boolean";
  if (filled > 0 && tally.numbers * 2 > filled) return "number";
  if (filled > 0 && tally.dates * 2 > filled) return "date";
  return "string";
}

/** True when a cell read as `reading` has a place in a column of `type`. */
export function fitsType(reading: Reading, type: ColumnType): boolean {
  return reading.kind === "empty" || type === "string" || reading.kind === type;
}

/** The error for a cell that does not fit its column's type (see `fitsType`). */
export function misfitError(
  name: string,
  type: ColumnType,
  reading: Reading,
  cell: SourceCell | undefined,
  file: string,
): CasefileError {
  const shown = JSON.stringify(textOf(cell?.value ?? ""));
  const problem =
    reading.kind === "bad-date"
      ? `${shown} ${reading.reason}`
      : `${shown} is not ${type === "date" ? "a date" : "a number"}`;
  return new CasefileError({
    file,
    line: cell?.line,
    field: cell?.line === undefined ? cell?.field : name,
    message: `column "${name}" holds ${type === "date" ? "dates" : "numbers"}, but ${problem}`,
    hint: type === "date" ? typeHints.date : typeHints.number,
  });
}

/**
 * Types one column. `numbersFromText` is true for CSV, where every cell is text; JSON and YAML
 * strings stay strings unless they are ISO dates.
 */
export function typeColumn(
  name: string,
  cells: SourceCell[],
  file: string,
  numbersFromText: boolean,
): { column: Column; values: Value[] } {
  const tally = emptyTally();
  const readings = cells.map((cell) => tallyCell(tally, cell.value, numbersFromText));
  const type = columnType(tally);
  const values = readings.map((reading, index): Value => {
    if (reading.kind === "empty") return null;
    if (type === "string") return textOf(cells[index]?.value ?? "");
    if (reading.kind === type) return reading.value;
    throw misfitError(name, type, reading, cells[index], file);
  });
  return { column: { name, type }, values };
}

/** The cell as the author wrote it. */
export function textOf(value: SourceCell["value"]): string {
  return value === null ? "" : String(value);
}
