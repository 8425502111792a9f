/**
 * ISO 8601 dates as authors write them in data files. Parsed by hand rather than with `new Date()`
 * because a date-time without an offset would otherwise be read in the build machine's time zone,
 * and `±HHMM` offsets are outside the ECMAScript date format.
 */

const isoPattern =
  /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?)?$/;

/** The outcome of reading one cell as a date: an instant, or why it is not one. */
export type IsoDateResult =
  { kind: "date"; date: Date } | { kind: "not-a-date" } | { kind: "invalid"; reason: string };

/** Reads `YYYY-MM`, `YYYY-MM-DD` (UTC midnight) or a date-time with `Z` or an offset as an instant. */
export function parseIsoDate(text: string): IsoDateResult {
  const match = isoPattern.exec(text.trim());
  if (!match) return { kind: "not-a-date" };
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (h !== undefined && zone === undefined) {
    return { kind: "invalid", reason: "has a time but no time zone offset" };
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { kind: "invalid", reason: "is not a calendar date" };
  }
  if (hour > 23 || minute > 59 || second > 59) {
    return { kind: "invalid", reason: "is not a valid time of day" };
  }
  const offset = zone === undefined ? 0 : offsetMinutes(zone);
  if (Number.isNaN(offset)) return { kind: "invalid", reason: "has an invalid time zone offset" };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return { kind: "date", date: new Date(date.getTime() - offset * 60_000) };
}

/** Minutes east of UTC for `Z`, `±HH`, `±HH:MM` or `±HHMM`. */
function offsetMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}
