/** Formatting for display: days, periods, countries. Pure, locale fixed to English. */

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** The English name of an ISO 3166-1 alpha-2 country code. */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

const dayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * `2024-07-28` → `28 July 2024`; a date-time is shown as written, its day and local time. The year
 * keeps its four digits (`1 January 0099`), which `Intl` would shorten.
 */
export function formatMoment(value: string): string {
  const day =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
      value,
    );
  if (!day?.[1]) return value;
  const text = dayFormat
    .formatToParts(new Date(`${day[1]}T00:00:00Z`))
    .map((part) => (part.type === "year" ? day[1]!.slice(0, 4) : part.value))
    .join("");
  if (!day[2]) return text;
  return `${text}, ${day[2]}${day[3] ? ` (UTC${day[3] === "Z" ? "" : day[3]})` : ""}`;
}

/** A period as `28 July 2024 – 2 August 2024`, or one moment when there is no end. */
export function formatPeriod(period: { start: string; end?: string | undefined }): string {
  return period.end
    ? `${formatMoment(period.start)} – ${formatMoment(period.end)}`
    : formatMoment(period.start);
}

/** The `YYYY-MM-DD` day of an ISO moment, as written (no time zone conversion). */
export function dayOf(value: string): string {
  return value.slice(0, 10);
}

/** Words for enum values (`data-leak` → `data leak`). */
export function words(value: string): string {
  return value.replace(/-/g, " ");
}
