import { z } from "zod";

/** A stable, author-chosen identifier: lowercase letters, digits and hyphens; it becomes part of URLs. */
export const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: "must be lowercase letters, digits and single hyphens",
});

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * True when year, month and day name a day that exists (no 30 February). The year is set with
 * `setUTCFullYear`, since `Date.UTC` reads years 0–99 as 1900–1999.
 */
function realDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Why a text that has the shape of an ISO 8601 date or date-time names no real moment, or
 * undefined when it names one: 30 February, 24:00 or a second 60 (which `Date` rolls over into
 * the next day or refuses), and offsets past ±23:59 (RFC 3339).
 */
function impossibility(match: RegExpExecArray): string | undefined {
  const [, year, month, day, hour, minute, second, offset] = match;
  if (!realDay(Number(year), Number(month), Number(day)))
    return `${year}-${month}-${day} is not a day of the calendar`;
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59))
    return `${hour}:${minute}${second === undefined ? "" : `:${second}`} is not a time of day (the last is 23:59:59; midnight is 00:00 of the next day)`;
  const offsetParts = offset === undefined ? undefined : /^[+-](\d{2}):?(\d{2})$/.exec(offset);
  if (offsetParts && (Number(offsetParts[1]) > 23 || Number(offsetParts[2]) > 59))
    return `${offset} is not a UTC offset (offsets run from -23:59 to +23:59)`;
  return undefined;
}

/** A calendar day, `YYYY-MM-DD`, kept as a string so that no time zone can shift it. */
export const day = z.string({ error: "expected a date as YYYY-MM-DD" }).refine(
  (text) => {
    const match = isoDate.exec(text);
    return match !== null && realDay(Number(match[1]), Number(match[2]), Number(match[3]));
  },
  { error: (issue) => `"${String(issue.input)}" is not a valid date (expected YYYY-MM-DD)` },
);

/**
 * A date or date-time as written in ISO 8601: `form` is the message for a text of the wrong form.
 * `offset` says when a UTC offset is required: never, or whenever a time of day is given. A text of the right form must also name a real day,
 * time and offset.
 */
function isoMoment(offset: "never" | "with-time", form: (text: string) => string) {
  return z
    .string({ error: "expected an ISO 8601 date or date-time" })
    .superRefine((text, context) => {
      const match = isoDateTime.exec(text);
      const offsetMissing =
        match !== null &&
        match[7] === undefined &&
        offset === "with-time" &&
        match[4] !== undefined;
      const reason = match === null || offsetMissing ? undefined : impossibility(match);
      if (match !== null && !offsetMissing && reason === undefined) return;
      context.addIssue({
        code: "custom",
        input: text,
        message:
          reason === undefined
            ? form(text)
            : `"${text}" is not a valid ${match?.[4] === undefined ? "date" : "date-time"}: ${reason}`,
      });
    });
}

/** A day or an instant in ISO 8601 (`2024-07-28` or `2024-07-28T11:29:00-04:00`), kept as written. */
export const moment = isoMoment(
  "never",
  (text) =>
    `"${text}" is not a valid ISO 8601 date or date-time (expected e.g. 2024-07-28 or 2024-07-28T11:29:00-04:00)`,
);

/**
 * When an event happened: a day (`2024-08-03`) when that is all the sources say, or an instant with
 * its UTC offset (`2024-07-28T11:29:00-04:00`); a time of day without an offset is ambiguous.
 */
export const eventTime = isoMoment(
  "with-time",
  (text) =>
    `"${text}" is neither a day nor a date-time with a UTC offset (expected e.g. 2024-08-03 or 2024-07-28T11:29:00-04:00)`,
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
