import { CasefileError } from "../errors.ts";

/** One CSV record with the line it starts on. */
export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** Field values by header name. */
  values: Record<string, string>;
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, newlines inside quotes, CRLF, a BOM) and
 * keeps each record's line, so that a ragged row or a bad value can be reported where it is.
 */
export function parseCsvFile(
  text: string,
  file: string,
): { columns: string[]; records: CsvRecord[] } {
  const rows = splitCsv(text.replace(/^\uFEFF/, ""), file);
  const header = rows.shift();
  if (!header) {
    throw new CasefileError({
      file,
      line: 1,
      message: "empty CSV file",
      hint: "the first line names the columns",
    });
  }
  const columns = header.fields.map((name) => name.trim());
  const records = rows.map(({ line, fields }) => {
    if (fields.length !== columns.length) {
      throw new CasefileError({
        file,
        line,
        message: `row has ${fields.length} fields but the header has ${columns.length} (${columns.join(", ")})`,
        hint: "quote values that contain commas with double quotes",
      });
    }
    return {
      line,
      values: Object.fromEntries(columns.map((name, index) => [name, fields[index] ?? ""])),
    };
  });
  return { columns, records };
}

/** Splits CSV text into rows of fields, skipping blank lines. */
function splitCsv(text: string, file: string): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== "") rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
  };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else {
        if (char === "\n") line++;
        field += char;
      }
    } else if (char === '"' && field === "") {
      quoted = true;
      quoteLine = line;
    } else if (char === ",") {
      fields.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      endRow();
      line++;
      rowLine = line;
    } else field += char;
  }
  if (quoted) {
    throw new CasefileError({
      file,
      line: quoteLine,
      message: "a quoted field is never closed",
      hint: 'close it with "',
    });
  }
  if (field !== "" || fields.length > 0) endRow();
  return rows;
}
