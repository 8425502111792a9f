import type { CitationInput } from "./input.ts";
import { versionDay } from "./dates.ts";
import { incidentTypeLabels } from "./incident-types.ts";
import { citedName, displayName, type CslName } from "./names.ts";

/** A JSON-LD node: plain JSON with `@`-keys. */
export type JsonLd = { [key: string]: JsonLdValue };
/** A JSON value inside a JSON-LD node. */
type JsonLdValue = string | number | boolean | JsonLd | JsonLdValue[];

/** What the JSON-LD of an incident page is made from. */
export interface JsonLdInput extends CitationInput {
  /** BCP 47 language of the write-up; `en` unless set. */
  language?: string | undefined;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** A schema.org Person or Organization for one author. */
function authorNode(name: CslName): JsonLd {
  if ("literal" in name) return { "@type": "Organization", name: name.literal };
  return {
    "@type": "Person",
    name: displayName(name),
    givenName: name.given,
    familyName: name.family,
  };
}

/** The schema.org `Report` describing an incident page. */
export function jsonLd(input: JsonLdInput): JsonLd {
  const { incident, url, publisher, reportNumber } = input;
  const node: JsonLd = {
    "@context": "https://schema.org",
    "@type": "Report",
    "@id": url,
    url,
    name: incident.title,
    headline: incident.title,
    description: incident.summary,
    inLanguage: input.language ?? "en",
    author: incident.authors.map((author) => authorNode(citedName(author))),
    publisher: { "@type": "Organization", name: publisher },
    ...(input.license === undefined ? {} : { license: input.license }),
    datePublished: incident.published,
    dateModified: versionDay(incident),
    version: versionDay(incident),
    keywords: incident.tags,
    spatialCoverage: incident.countries.map((code) => ({
      "@type": "Country",
      name: regionNames.of(code) ?? code,
      identifier: code,
    })),
    about: [
      ...incident.types.map((type) => ({
        "@type": "DefinedTerm",
        name: incidentTypeLabels[type],
        termCode: type,
      })),
      ...incident.targets.map((target) => ({ "@type": "Organization", name: target.name })),
    ],
  };
  if (reportNumber !== undefined && reportNumber !== "") node["reportNumber"] = reportNumber;
  return node;
}

/**
 * The JSON text to put inside `<script type="application/ld+json">`. `<`, `>` and `&` become
 * `\u003c`-style escapes so that `</script>` or `<!--` in a title cannot end the script early;
 * U+2028 and U+2029 are escaped for older JavaScript parsers. JSON parsers read the same data.
 */
export function jsonLdScript(node: JsonLd): string {
  return JSON.stringify(node).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
