/**
 * What `npm run new` decides before it writes a new incident: the id from the title, a shorter id
 * when that one is long (an id is a permanent URL), and the time zone from the country.
 */
import GithubSlugger from "github-slugger";

/** Ids longer than this get a warning and a shorter suggestion: URLs people cite and type. */
export const longIdLength = 60;

/** Words an id can lose without losing its meaning. */
const minorWords = new Set(
  "a an and as at by de del el for from in la las los of on or the to with y".split(" "),
);

/** The URL-safe slug of a title: accents dropped, anything else but letters and digits a hyphen. */
export function slugOf(text: string): string {
  const ascii = text.normalize("NFKD").replace(/\p{M}/gu, "");
  return new GithubSlugger()
    .slug(ascii)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * A shorter id for a long one: minor words dropped, then whole words cut from the end until it
 * fits `longIdLength` (the year in front stays).
 */
export function shorterId(id: string): string {
  const words = id.split("-");
  const kept = words.filter((word, index) => index === 0 || !minorWords.has(word));
  while (kept.length > 2 && kept.join("-").length > longIdLength) kept.pop();
  return kept.join("-").slice(0, longIdLength).replace(/-$/, "");
}

/**
 * The IANA time zones in use in a country (ISO 3166-1 alpha-2), from the CLDR data the runtime's
 * ICU carries; none for a code that is not a country.
 */
export function timeZonesOf(country: string): string[] {
  if (!/^[A-Z]{2}$/.test(country)) return [];
  try {
    return new Intl.Locale(`und-${country}`).getTimeZones() ?? [];
  } catch {
    return [];
  }
}
