import type { Author } from "../../schemas/incident.ts";

/** A CSL-JSON name: a parsed personal name, or an institution kept whole. */
export type CslName = { given: string; family: string; suffix?: string } | { literal: string };

/**
 * Words that mark an author as an institution rather than a person. Matching is by whole word,
 * case-insensitive; a false positive only costs the name its given/family split.
 */
const institutionWords = new Set([
  "academy",
  "agency",
  "alliance",
  "association",
  "bureau",
  "center",
  "centre",
  "centro",
  "coalition",
  "collective",
  "college",
  "committee",
  "council",
  "department",
  "desk",
  "editors",
  "forum",
  "foundation",
  "fundación",
  "gmbh",
  "group",
  "inc",
  "initiative",
  "institute",
  "institution",
  "instituto",
  "lab",
  "labs",
  "laboratory",
  "llc",
  "ltd",
  "media",
  "ministry",
  "network",
  "news",
  "observatorio",
  "observatory",
  "office",
  "program",
  "programme",
  "project",
  "research",
  "school",
  "society",
  "staff",
  "team",
  "unit",
  "universidad",
  "university",
  "watch",
]);

/** Lower-case name particles that belong to the family name (`Jan van der Berg`). */
const particles = new Set([
  "al",
  "bin",
  "da",
  "das",
  "de",
  "del",
  "della",
  "der",
  "di",
  "do",
  "dos",
  "du",
  "el",
  "la",
  "le",
  "ten",
  "ter",
  "van",
  "von",
  "y",
]);

/** Generational suffixes kept apart from the family name. */
const suffixes = new Set(["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"]);

/** True when the author string reads as an institution, a handle or anything but a person's name. */
function isInstitution(name: string, words: string[]): boolean {
  if (words.length < 2 || words.length > 5) return true;
  if (/[\d&@/()]/.test(name)) return true;
  return words.some((word) => institutionWords.has(word.toLowerCase().replace(/[.,]$/, "")));
}

/**
 * Parses an author as written in the frontmatter. `Given Family` and `Family, Given` become a
 * personal name (particles such as `van der` join the family name; write `Pérez González, Ana`
 * for a two-part surname); institutions, single words and anything unusual stay a `literal`.
 */
export function parseAuthor(author: string): CslName {
  const name = author.trim().replace(/\s+/g, " ");
  const words = name.split(" ");
  if (isInstitution(name, words)) return { literal: name };
  const comma = name.indexOf(",");
  if (comma !== -1) {
    const family = name.slice(0, comma).trim();
    const given = name.slice(comma + 1).trim();
    return family === "" || given === "" || given.includes(",")
      ? { literal: name }
      : { given, family };
  }
  const last = words.at(-1) ?? "";
  const suffix = suffixes.has(last.toLowerCase()) ? last : undefined;
  const parts = suffix === undefined ? words : words.slice(0, -1);
  if (parts.length < 2) return { literal: name };
  // Past the first word, a lower-case word is a particle; any other lower-case word means prose.
  const particleAt = parts.findIndex((word, index) => index > 0 && particles.has(word));
  const familyStart = particleAt === -1 ? parts.length - 1 : particleAt;
  const nonParticleLower = parts.some(
    (word, index) => index < familyStart && /^\p{Ll}/u.test(word),
  );
  if (nonParticleLower) return { literal: name };
  const given = parts.slice(0, familyStart).join(" ");
  const family = parts.slice(familyStart).join(" ");
  return suffix === undefined ? { given, family } : { given, family, suffix };
}

/**
 * The name an author is cited under: a name written as text is parsed (`parseAuthor`), a group
 * is kept whole and a person given in parts keeps those parts.
 */
export function citedName(author: Author): CslName {
  if (typeof author === "string") return parseAuthor(author);
  if ("group" in author) return { literal: author.group.trim().replace(/\s+/g, " ") };
  const { given, family, suffix } = author;
  return suffix === undefined ? { given, family } : { given, family, suffix };
}

/** The author as the page names them: text as written, a group's name, a person in reading order. */
export function writtenName(author: Author): string {
  if (typeof author === "string") return author;
  return displayName(citedName(author));
}

/** The name as one display string (`Ana María Pérez`, `Digital Forensic Lab`). */
export function displayName(name: CslName): string {
  if ("literal" in name) return name.literal;
  return [name.given, name.family, name.suffix].filter((part) => part !== undefined).join(" ");
}
