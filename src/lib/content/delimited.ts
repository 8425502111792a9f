/**
 * The one reader of delimited text (CSV, TSV) — events.csv and chart data files alike. Parsing is
 * d3-dsv's (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes, CRLF); this adds
 * what an author's error message needs and d3-dsv does not keep: the line each record starts on,
 * and the checks that name it.
 */
import { csvParseRows, tsvParseRows } from "d3-dsv";
import { CasefileError } from "../errors.ts";

/** One record of a delimited file: its cells in header order and the line it starts on. */
export interface DelimitedRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** The cells, one per column. */
  fields: string[];
}

/** A delimited file read: its column names and its records (blank lines skipped). */
export interface DelimitedTable {
  /** Column names from the header row, trimmed. */
  columns: string[];
  /** The records after the header. */
  records: DelimitedRecord[];
}

/** The cell separators Casefile reads. */
export type Delimiter = "," | "\t";

/**
 * Reads CSV (`,`) or TSV (`\t`) text: a header row naming distinct columns, then one cell per
 * column in every record. A BOM is dropped. Any problem is a `CasefileError` naming `file` and the
 * line where it is.
 */
export function readDelimited(text: string, file: string, delimiter: Delimiter): DelimitedTable {
  const records: DelimitedRecord[] = [];
  const columns = eachDelimitedRecord(text, file, delimiter, (record) => records.push(record));
  return { columns, records };
}

/**
 * Reads delimited text as `readDelimited` does, handing each record to `visit` as it is read
 * instead of keeping them: a large file is checked in the memory of one record. Returns the
 * column names.
 */
export function eachDelimitedRecord(
  text: string,
  file: string,
  delimiter: Delimiter,
  visit: (record: DelimitedRecord) => void,
): string[] {
  const body = text.replace(/^\uFEFF/, "");
  checkQuotesClosed(body, file, delimiter);
  let columns: string[] | undefined;
  // A record spans one line plus the line breaks inside its quoted cells.
  let line = 1;
  (delimiter === "," ? csvParseRows : tsvParseRows)(body, (fields): null => {
    const start = line;
    line += breaksIn(fields);
    if (columns === undefined) {
      columns = headerOf(fields, file);
      return null;
    }
    if (fields.length === 1 && fields[0] === "" && columns.length > 1) return null;
    if (fields.length !== columns.length) {
      throw new CasefileError({
        file,
        line: start,
        message: `row has ${fields.length} ${fields.length === 1 ? "field" : "fields"} but the header has ${columns.length} (${columns.join(", ")})`,
        hint: "Quote cells that contain commas, and give every row one cell per column (leave a cell empty for no value)",
      });
    }
    visit({ line: start, fields });
    return null;
  });
  return columns ?? headerOf(undefined, file);
}

/** The column names of a header row (undefined for an empty file), checked. */
function headerOf(header: string[] | undefined, file: string): string[] {
  if (header === undefined || (header.length === 1 && header[0] === "")) {
    throw new CasefileError({
      file,
      line: 1,
      message: "the file is empty",
      hint: "Start with a header row naming the columns",
    });
  }
  const columns = header.map((name) => name.trim());
  checkHeader(columns, file);
  return columns;
}

/** One line plus the line breaks inside a record's cells. */
function breaksIn(fields: string[]): number {
  return 1 + fields.reduce((sum, field) => sum + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

/**
 * d3-dsv reads an unclosed quote to the end of the file as one cell; this finds it first, following
 * the same rule (a quote opens a cell only at the cell's start, `""` inside is a quote).
 */
function checkQuotesClosed(text: string, file: string, delimiter: Delimiter): void {
  let quoted = false;
  let atCellStart = true;
  let line = 1;
  let quoteLine = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) line++;
    if (quoted) {
      if (char !== 34) continue;
      if (text.charCodeAt(index + 1) === 34) index++;
      else quoted = false;
    } else if (char === 34 && atCellStart) {
      quoted = true;
      atCellStart = false;
      quoteLine = line;
    } else atCellStart = char === delimiter.charCodeAt(0) || char === 10 || char === 13;
  }
  if (quoted) {
    throw new CasefileError({
      file,
      line: quoteLine,
      message: "a quoted cell is never closed",
      hint: 'Close it with a double quote (")',
    });
  }
}

/** Every column has a name, and no name appears twice. */
function checkHeader(columns: string[], file: string): void {
  const seen = new Set<string>();
  columns.forEach((name, index) => {
    if (name === "") {
      throw new CasefileError({
        file,
        line: 1,
        message: `column ${index + 1} has no name`,
        hint: "Name every column in the header row",
      });
    }
    if (seen.has(name)) {
      throw new CasefileError({
        file,
        line: 1,
        message: `column "${name}" appears twice in the header`,
        hint: "Give every column a distinct name",
      });
    }
    seen.add(name);
  });
}
