import { z } from "zod";

/** A stable, author-chosen identifier: lowercase letters, digits and hyphens; it becomes part of URLs. */
export const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "must be lowercase letters, digits and single hyphens",
});

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** True when year, month and day name a day that exists (no 30 February). */
function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** A calendar day, `YYYY-MM-DD`, kept as a string so that no time zone can shift it. */
export const day = z.string({ error: "expected a date as YYYY-MM-DD" }).refine(
  (text) => {
    const match = isoDate.exec(text);
    return match !== null && realDay(Number(match[1]), Number(match[2]), Number(match[3]));
  },
  { error: (issue) => `"${String(issue.input)}" is not a valid date (expected YYYY-MM-DD)` },
);

/** A day or an instant in ISO 8601 (`2024-07-28` or `2024-07-28T11:29:00-04:00`), kept as written. */
export const moment = z.string({ error: "expected an ISO 8601 date or date-time" }).refine(
  (text) => {
    const match = isoDateTime.exec(text);
    if (match === null || !realDay(Number(match[1]), Number(match[2]), Number(match[3])))
      return false;
    const [hour, minute, second] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
    return (hour ?? 0) < 24 && (minute ?? 0) < 60 && (second ?? 0) < 61;
  },
  {
    error: (issue) =>
      `"${String(issue.input)}" is not a valid ISO 8601 date or date-time (expected e.g. 2024-07-28 or 2024-07-28T11:29:00-04:00)`,
  },
);

/** An instant with an explicit offset, as events need (`2024-07-28T11:29:00-04:00`). */
export const instant = z.string({ error: "expected an ISO 8601 date-time with offset" }).refine(
  (text) => {
    const match = isoDateTime.exec(text);
    return match?.[7] !== undefined && !Number.isNaN(Date.parse(text));
  },
  {
    error: (issue) =>
      `"${String(issue.input)}" is not an ISO 8601 date-time with a UTC offset (expected e.g. 2024-07-28T11:29:00-04:00)`,
  },
);

/** An absolute http(s) URL; other schemes (javascript:, data:) are refused. */
export const webUrl = z.string().refine(
  (text) => {
    try {
      const url = new URL(text);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  },
  { error: (issue) => `"${String(issue.input)}" is not an http(s) URL` },
);

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** An ISO 3166-1 alpha-2 country code, upper case (`VE`, `BO`). */
export const country = z
  .string()
  .refine(
    (code) =>
      /^[A-Z]{2}$/.test(code) &&
      regionNames.of(code) !== code &&
      regionNames.of(code) !== "Unknown Region",
    {
      error: (issue) =>
        `"${String(issue.input)}" is not an ISO 3166-1 alpha-2 country code (e.g. VE, BO)`,
    },
  );

/** An IANA time zone name (`America/Caracas`). */
export const timeZone = z.string().refine(
  (name) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: name });
      return true;
    } catch {
      return false;
    }
  },
  { error: (issue) => `"${String(issue.input)}" is not an IANA time zone (e.g. America/Caracas)` },
);

/** Admiralty reliability of a source: A completely reliable … F cannot be judged. */
export const reliability = z.enum(["A", "B", "C", "D", "E", "F"]);

/** Admiralty credibility of the information: 1 confirmed … 6 cannot be judged. */
export const credibility = z.union(
  [z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)],
  {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not a credibility grade (expected a number from 1 to 6)`,
  },
);
