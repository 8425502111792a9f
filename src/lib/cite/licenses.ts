/** A content licence as readers and exports see it. */
export interface License {
  /** Name as readers see it (`CC BY 4.0`). */
  name: string;
  /** Address of the licence's text (CSL and JSON-LD `license`). */
  url: string;
}

/** A Creative Commons 4.0 licence by its SPDX id and its short name (`by-sa`). */
function creativeCommons(kind: string): License {
  return {
    name: `CC ${kind.toUpperCase()} 4.0`,
    url: `https://creativecommons.org/licenses/${kind}/4.0/`,
  };
}

/** The licences a site may name by SPDX id alone; any other is written as `{ name, url }`. */
export const knownLicenses: ReadonlyMap<string, License> = new Map([
  ["CC-BY-4.0", creativeCommons("by")],
  ["CC-BY-SA-4.0", creativeCommons("by-sa")],
  ["CC-BY-NC-4.0", creativeCommons("by-nc")],
  ["CC-BY-NC-SA-4.0", creativeCommons("by-nc-sa")],
  ["CC-BY-ND-4.0", creativeCommons("by-nd")],
  ["CC-BY-NC-ND-4.0", creativeCommons("by-nc-nd")],
  ["CC0-1.0", { name: "CC0 1.0", url: "https://creativecommons.org/publicdomain/zero/1.0/" }],
]);
