/**
 * Finds channels that name a column the data lacks. Plot silently draws nothing for a misspelt
 * column, so this checks before rendering (channels given as plain column names) and while
 * rendering (columns read by transforms such as `groupX` or by accessor functions, caught by
 * watching the rows).
 */
import type { PlotOptions } from "@observablehq/plot";
import { CasefileError } from "../errors.ts";

/** The chart an error is about: its file and the label authors know it by. */
export interface ChartPlace {
  /** Path of the file declaring the chart. */
  file: string;
  /** The chart's label or id, as the author wrote it. */
  label: string;
  /** The data file the chart draws, when it has one. */
  data?: string | undefined;
}

/** How errors name a chart: its label, and its data file when it has one. */
export function chartName(place: ChartPlace): string {
  return `chart "${place.label}"${place.data ? ` (data ${place.data})` : ""}`;
}

/** The parts of a Plot mark instance the checks read; Plot keeps them as public properties. */
interface MarkLike {
  data?: unknown;
  channels?: Record<string, { value?: unknown } | undefined>;
}

/** Property names Plot itself reads on rows (the GeoJSON probe in `field()`), never columns. */
const plotProbes = new Set([
  "type",
  "properties",
  "then",
  "toJSON",
  "constructor",
  "valueOf",
  "toString",
]);

/** The spec's marks, flattened as Plot flattens them (nested arrays, skipping null and functions). */
export function marksOf(spec: PlotOptions): MarkLike[] {
  const flat = [spec.marks ?? []].flat(Infinity as 1) as unknown[];
  return flat.filter((mark): mark is MarkLike => typeof mark === "object" && mark !== null);
}

/** The columns of a mark's data: the union of row keys, or undefined if the rows are not objects. */
function columnsOf(data: unknown): string[] | undefined {
  if (!Array.isArray(data) || data.length === 0) return undefined;
  const columns = new Set<string>();
  for (const row of data) {
    if (!isPlainObject(row)) return undefined;
    for (const key of Object.keys(row)) columns.add(key);
  }
  return [...columns];
}

/** Throws if a channel given as a column name names a column its mark's data lacks. */
export function checkChannels(spec: PlotOptions, place: ChartPlace): void {
  for (const mark of marksOf(spec)) {
    const columns = columnsOf(mark.data);
    if (columns === undefined) continue;
    for (const [channel, definition] of Object.entries(mark.channels ?? {})) {
      const value = definition?.value;
      if (typeof value === "string" && !columns.includes(value))
        throw missingColumn(place, value, columns, channel);
    }
  }
  const facet = spec.facet as { data?: unknown; x?: unknown; y?: unknown } | undefined;
  const facetColumns = columnsOf(facet?.data);
  if (facet && facetColumns) {
    for (const channel of ["x", "y"] as const) {
      const value = facet[channel];
      if (typeof value === "string" && !facetColumns.includes(value))
        throw missingColumn(place, value, facetColumns, `facet ${channel}`);
    }
  }
}

/** A running watch on the rows of every mark: which missing column was read first. */
export interface ColumnWatch {
  /** Throws the error for the first missing column read, if any. */
  report(): void;
  /** Puts the marks' original data back. */
  restore(): void;
}

/**
 * Swaps each mark's rows for proxies that note reads of absent columns, so columns named inside
 * transforms and accessors are checked too. Call `restore()` after rendering, whatever happens.
 */
export function watchColumns(spec: PlotOptions, place: ChartPlace): ColumnWatch {
  const restores: (() => void)[] = [];
  let missing: { column: string; columns: string[] } | undefined;
  for (const mark of marksOf(spec)) {
    const columns = columnsOf(mark.data);
    if (columns === undefined || !Array.isArray(mark.data)) continue;
    const known = new Set(columns);
    const original: unknown[] = mark.data;
    const handler: ProxyHandler<Record<string, unknown>> = {
      get(target, key, receiver) {
        if (
          typeof key === "string" &&
          missing === undefined &&
          !known.has(key) &&
          !plotProbes.has(key) &&
          !/^\d+$/.test(key)
        ) {
          missing = { column: key, columns };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    };
    mark.data = original.map((row) => new Proxy(row as Record<string, unknown>, handler));
    restores.push(() => {
      mark.data = original;
    });
  }
  return {
    report() {
      if (missing)
        throw missingColumn(
          place,
          missing.column,
          missing.columns,
          channelNaming(spec, missing.column),
        );
    },
    restore() {
      for (const restore of restores) restore();
    },
  };
}

/** The channel whose (possibly transformed) value is labelled with the column, if one is. */
function channelNaming(spec: PlotOptions, column: string): string | undefined {
  for (const mark of marksOf(spec)) {
    for (const [channel, definition] of Object.entries(mark.channels ?? {})) {
      const value = definition?.value;
      if (value === column || (value as { label?: unknown } | undefined)?.label === column)
        return channel;
    }
  }
  return undefined;
}

function missingColumn(
  place: ChartPlace,
  column: string,
  columns: string[],
  channel: string | undefined,
): CasefileError {
  const what = channel === undefined ? "a mark" : `channel "${channel}"`;
  return new CasefileError({
    file: place.file,
    message: `${chartName(place)}: ${what} refers to column "${column}", which the data lacks (columns: ${columns.join(", ")})`,
    hint: "Check the spelling and case of the column name against the data file's header",
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
