import type { Incident } from "../../schemas/incident.ts";

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits a `YYYY-MM-DD` day into its numeric year, month and day. */
export function dayParts(day: string): [number, number, number] {
  const match = dayPattern.exec(day);
  if (match === null) throw new TypeError(`expected a day as YYYY-MM-DD, got "${day}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The day of the incident's current version: the latest of published, updated and revision days. */
export function versionDay(incident: Incident): string {
  const days = [
    incident.published,
    incident.updated,
    ...incident.revisions.map((revision) => revision.date),
  ];
  // Days are zero-padded ISO strings, so code-unit order is calendar order (and locale-free).
  return days.reduce<string>(
    (latest, day) => (day !== undefined && day > latest ? day : latest),
    incident.published,
  );
}

/** A day as Highwire Press meta tags want it: `YYYY/MM/DD`. */
export function slashDay(day: string): string {
  dayParts(day);
  return day.replaceAll("-", "/");
}

/** A day as an RFC 3339 UTC timestamp at midnight (`2024-07-28T00:00:00.000Z`), as STIX wants. */
export function midnightUtc(day: string): string {
  dayParts(day);
  return `${day}T00:00:00.000Z`;
}
