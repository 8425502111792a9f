import type { outletKinds } from "../../schemas/outlet.ts";
import type { stances } from "../../schemas/sources.ts";
import type { IncidentType } from "./incident-types.ts";

/** STIX 2.1 `industry-sector-ov` (§10.12). */
const industrySectors = [
  "agriculture",
  "aerospace",
  "automotive",
  "chemical",
  "commercial",
  "communications",
  "construction",
  "defense",
  "education",
  "energy",
  "entertainment",
  "financial-services",
  "government",
  "government-emergency-services",
  "government-local",
  "government-national",
  "government-public-services",
  "government-regional",
  "healthcare",
  "hospitality-leisure",
  "infrastructure",
  "infrastructure-dams",
  "infrastructure-nuclear",
  "infrastructure-water",
  "insurance",
  "manufacturing",
  "mining",
  "non-profit",
  "pharmaceuticals",
  "retail",
  "technology",
  "telecommunications",
  "transportation",
  "utilities",
] as const;

/** One STIX industry sector. */
export type IndustrySector = (typeof industrySectors)[number];

/**
 * Casefile's free-text target sectors that have a fair STIX equivalent. STIX has no election
 * sector: electoral authorities are national public bodies, so `elections` → `government-national`.
 * It has no media sector either; `communications` is the closest.
 */
const sectorAliases: Record<string, IndustrySector> = {
  elections: "government-national",
  electoral: "government-national",
  "national-government": "government-national",
  ministry: "government-national",
  "local-government": "government-local",
  municipal: "government-local",
  "regional-government": "government-regional",
  "emergency-services": "government-emergency-services",
  "public-services": "government-public-services",
  media: "communications",
  news: "communications",
  press: "communications",
  journalism: "communications",
  telecom: "telecommunications",
  telecoms: "telecommunications",
  finance: "financial-services",
  financial: "financial-services",
  banking: "financial-services",
  military: "defense",
  health: "healthcare",
  ngo: "non-profit",
  "civil-society": "non-profit",
  nonprofit: "non-profit",
  tech: "technology",
  it: "technology",
  transport: "transportation",
  academia: "education",
  university: "education",
  water: "infrastructure-water",
  electricity: "energy",
};

/** The STIX industry sector for a Casefile target sector, or undefined when none fits. */
export function stixSector(sector: string): IndustrySector | undefined {
  const key = sector
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  const known = industrySectors.find((value) => value === key);
  // The sector is the author's text: `constructor` or `__proto__` must not find Object's own.
  return known ?? (Object.hasOwn(sectorAliases, key) ? sectorAliases[key] : undefined);
}

/** The sector each kind of outlet belongs to, where one fits. */
export const outletSectors = {
  "state-media": "communications",
  "state-funded-media": "communications",
  "partisan-media": "communications",
  "independent-media": "communications",
  "wire-service": "communications",
  "security-vendor": "technology",
  government: "government",
  blog: undefined,
  aggregator: undefined,
  unknown: undefined,
} as const satisfies Record<(typeof outletKinds)[number], IndustrySector | undefined>;

/** A MITRE ATT&CK technique an incident type stands for. */
export interface AttackTechnique {
  /** ATT&CK technique name. */
  name: string;
  /** ATT&CK id (`T1498`). */
  externalId: string;
  /** The technique's page. */
  url: string;
}

/**
 * The ATT&CK (Enterprise) technique each incident type stands for, only where the type alone
 * says how the attack worked. `intrusion` names no method (T1190 would claim an exploited
 * public-facing application that the sources may not show); `data-leak` is a publication, not an
 * exfiltration channel (T1567); `malware` names a tool, not a technique; disinformation is
 * outside ATT&CK. Those get no attack pattern; the report's labels still name them.
 */
export const attackTechniques = {
  ddos: {
    name: "Network Denial of Service",
    externalId: "T1498",
    url: "https://attack.mitre.org/techniques/T1498/",
  },
  defacement: {
    name: "Defacement: External Defacement",
    externalId: "T1491.002",
    url: "https://attack.mitre.org/techniques/T1491/002/",
  },
  intrusion: undefined,
  "data-leak": undefined,
  malware: undefined,
  disinformation: undefined,
  other: undefined,
} as const satisfies Record<IncidentType, AttackTechnique | undefined>;

/** STIX `opinion-enum` value for each stance a source takes on a claim. */
export const stanceOpinions = {
  asserts: "agree",
  disputes: "disagree",
  mentions: "neutral",
} as const satisfies Record<
  (typeof stances)[number],
  "strongly-disagree" | "disagree" | "neutral" | "agree" | "strongly-agree"
>;
