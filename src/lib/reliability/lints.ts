/**
 * Reliability lints: named rules that catch grades the evidence does not bear out. They return
 * warnings; the caller decides how strict to be (`--strict` turns them into errors).
 *
 * `weak-support` treats a source with no grade at all like one graded F: in both cases nobody has
 * judged it reliable, and a claim that rests only on such sources should say so. Grading the
 * source (or its outlet) is how an author answers the warning.
 */
import type { Incident } from "../../schemas/incident.ts";
import type { Outlet } from "../../schemas/outlet.ts";
import { knownIds } from "../content/references.ts";
import type { CasefileProblem } from "../errors.ts";
import { notGraded } from "./admiralty.ts";
import { plural, type ClaimAssessment } from "./corroboration.ts";
import type { GradedSource } from "./grades.ts";
import { declaredLinks } from "./origins.ts";
import { fieldPath } from "../content/validate.ts";

/** Everything a lint rule may look at for one incident. */
export interface LintContext {
  /** Path of the incident's `sources.yaml`. */
  file: string;
  /** Path of the incident's write-up (`content/incidents/<id>.mdx`). */
  incidentFile: string;
  /** The incident's frontmatter. */
  incident: Incident;
  /** Graded sources, in file order. */
  sources: readonly GradedSource[];
  /** Assessed claims, in file order. */
  claims: readonly ClaimAssessment[];
  /** Every outlet, by id. */
  outlets: ReadonlyMap<string, Outlet>;
  /** Dependences the evidence suggests between sources of different origins. */
  suggestions: readonly SuggestedDependence[];
  /** The address each capture says it was captured from, by its path under data/archives/. */
  captureUrls: ReadonlyMap<string, string>;
}

/** A dependence the evidence suggests between two sources, which `sources.yaml` does not declare. */
export interface SuggestedDependence {
  /** The source that seems to depend on the other. */
  source: string;
  /** The source it seems to depend on. */
  on: string;
  /**
   * A paragraph the two share, or names and numbers without a shared sentence (a translation;
   * direction unknown for both), or a credit line in `source` naming `on`'s outlet.
   */
  kind: "shared-paragraph" | "translation" | "credit-line";
  /** The field of `source` that would declare it. */
  declare: "republished_from" | "based_on" | "translated_from";
  /** What suggests it, as a message continues after the source's id (`shares paragraph p-… with "x", …`). */
  evidence: string;
}

/** Where a rule found something: which of the incident's files, and which field in it. */
interface LintHit {
  /** The sources file or the write-up's frontmatter. */
  in: "sources" | "incident";
  /** Field path, e.g. `sources[3].credibility`. */
  field: string;
}

/** One named rule: finds hits, then words each as a message with a hint. */
interface LintRule<Hit extends LintHit = LintHit> {
  /** Stable rule name, used in reports and to refer to the rule. */
  name: string;
  /** Finds every hit in an incident, in file order. */
  test: (context: LintContext) => Hit[];
  /** What is wrong, in the author's terms. */
  message: (hit: Hit) => string;
  /** How to fix it. */
  hint: string | ((hit: Hit) => string);
}

/** A problem found by a lint rule, carrying the rule's name. */
export interface LintProblem extends CasefileProblem {
  /** Name of the rule that found it. */
  rule: string;
}

/** A rule together with a runner that turns its hits into problems. */
type RunnableLint<Hit extends LintHit = LintHit> = LintRule<Hit> & {
  /** Runs the rule over an incident. */
  run: (context: LintContext) => LintProblem[];
};

/** Keeps a rule's own hit type while giving every rule the same `run`. */
function lint<Hit extends LintHit>(rule: LintRule<Hit>): RunnableLint<Hit> {
  return {
    ...rule,
    run: (context) =>
      rule.test(context).map((hit) => ({
        rule: rule.name,
        file: hit.in === "sources" ? context.file : context.incidentFile,
        field: hit.field,
        message: rule.message(hit),
        hint: typeof rule.hint === "string" ? rule.hint : rule.hint(hit),
      })),
  };
}

/**
 * A page's address as compared: host without `www.`, path without a trailing slash, query kept,
 * scheme and fragment dropped, and a Wayback Machine address reduced to the page it holds.
 */
function pageKey(url: string): string {
  const inner = /^https?:\/\/web\.archive\.org\/web\/[^/]+\/(.+)$/i.exec(url)?.[1];
  if (inner !== undefined) return pageKey(inner);
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${parsed.hostname.replace(/^www\./, "")}${path}${parsed.search}`;
  } catch {
    return url;
  }
}

/** `"a"`, `"a", "b"`: ids as a message lists them. */
function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(", ");
}

/** The lint rules, run in this order. */
const lintRules = [
  lint({
    name: "circular-reporting",
    test: ({ sources, claims }) =>
      sources.flatMap((source) => {
        if (source.credibility !== 1) return [];
        const weak = claims.filter(
          (claim) => claim.asserts.sources.includes(source.id) && claim.asserts.origins.length < 2,
        );
        return weak.length === 0
          ? []
          : [
              {
                in: "sources" as const,
                field: `sources[${source.index}].credibility`,
                source: source.id,
                claims: weak.map((claim) => claim.id),
              },
            ];
      }),
    message: (hit) =>
      `source "${hit.source}" is graded credibility 1 (confirmed by other sources), but ${hit.claims.length === 1 ? "claim" : "claims"} ${quoted(hit.claims)} it asserts ${hit.claims.length === 1 ? "has" : "have"} only one independent origin`,
    hint: "republications and copies of one article are one origin, not a confirmation: grade it 2 (probably true) or lower until an independent origin asserts the same",
  }),
  lint({
    name: "weak-support",
    test: ({ sources, claims }) =>
      claims.flatMap((claim) => {
        const asserting = sources.filter((source) => claim.asserts.sources.includes(source.id));
        const weak = asserting.every(
          (source) =>
            source.reliability === undefined ||
            source.reliability === "E" ||
            source.reliability === "F",
        );
        return asserting.length === 0 || !weak
          ? []
          : [
              {
                in: "sources" as const,
                field: `claims[${claim.index}].stances`,
                claim: claim.id,
                asserting,
              },
            ];
      }),
    message: (hit) =>
      `claim "${hit.claim}" is asserted only by sources graded E, F or not graded: ${hit.asserting.map((source) => `${source.id} (${source.reliability ?? notGraded})`).join(", ")}`,
    hint: "find a source graded A–D that asserts it, or say in the write-up that the claim rests on weak sources",
  }),
  lint({
    name: "single-origin-status",
    test: ({ incident, claims }) => {
      if (incident.status !== "corroborated" && incident.status !== "confirmed") return [];
      const asserted = claims.filter((claim) => claim.asserts.sources.length > 0);
      const independent = asserted.filter((claim) => claim.asserts.origins.length >= 2);
      return asserted.length === 0 || independent.length > 0
        ? []
        : [{ in: "incident" as const, field: "status", status: incident.status }];
    },
    message: (hit) =>
      `status is "${hit.status}", but every asserted claim rests on one independent origin (sources based on one another, or under one controlling party, are one origin)`,
    hint: "set status: claimed until two independent origins assert a claim, or explain in the write-up what corroborates it",
  }),
  lint({
    name: "undeclared-affiliation",
    test: ({ sources, outlets }) => {
      // Government outlets of one country answer to one government, unless the site says otherwise.
      const byCountry = new Map<string, Outlet[]>();
      for (const id of new Set(sources.map((source) => source.source.outlet))) {
        const outlet = outlets.get(id);
        if (outlet?.kind !== "government" || outlet.country === undefined) continue;
        byCountry.set(outlet.country, [...(byCountry.get(outlet.country) ?? []), outlet]);
      }
      return [...byCountry].flatMap(([country, group]) =>
        group.length >= 2 && group.some((outlet) => outlet.affiliation === undefined)
          ? [{ in: "sources" as const, field: "sources", country, outlets: group.map((o) => o.id) }]
          : [],
      );
    },
    message: (hit) =>
      `sources come from ${hit.outlets.length} government outlets of ${hit.country} (${quoted(hit.outlets)}) that declare no shared affiliation, so they count as independent origins`,
    hint: (hit) =>
      `if they answer to one government, give each the same affiliation in data/outlets.yaml (e.g. affiliation: government-of-${hit.country.toLowerCase()}); if they are independent of one another (an electoral body apart from the executive), give them different affiliations`,
  }),
  lint({
    name: "undeclared-dependence",
    test: ({ sources, suggestions }) =>
      suggestions.flatMap((suggestion) => {
        const source = sources.find((graded) => graded.id === suggestion.source);
        return source
          ? [{ in: "sources" as const, field: `sources[${source.index}]`, ...suggestion }]
          : [];
      }),
    message: (hit) =>
      `source "${hit.source}" ${hit.evidence}, so they count as independent origins`,
    hint: (hit) =>
      hit.kind === "shared-paragraph"
        ? `if one quotes or reports the other, declare it on that one (e.g. based_on: [${hit.on}] on "${hit.source}"); if both quote a third text, leave them and say so in the rationale`
        : hit.kind === "translation"
          ? `if one translates the other, declare it on the translation (e.g. translated_from: ${hit.on} on "${hit.source}"); if they report one event independently, leave them`
          : `if "${hit.source}" depends on it, add ${hit.declare === "based_on" ? `based_on: [${hit.on}]` : `${hit.declare}: ${hit.on}`} to it; otherwise say why not in its rationale`,
  }),
  lint({
    name: "no-capture",
    test: ({ sources }) =>
      sources
        .filter((source) => source.source.captures.length === 0)
        .map((source) => ({
          in: "sources" as const,
          field: `sources[${source.index}].captures`,
          source: source.id,
        })),
    message: (hit) => `source "${hit.source}" has no capture`,
    hint: "save the page's text under data/archives/ and list it in captures, so that the evidence survives if the page goes away",
  }),
  lint({
    name: "capture-url-mismatch",
    test: ({ sources, captureUrls }) =>
      sources.flatMap((source) => {
        const given = source.source.url;
        if (given === undefined) return [];
        const own = [given, source.source.archived_url].map((url) => url && pageKey(url));
        return source.source.captures.flatMap((capture, index) => {
          const captured = captureUrls.get(capture);
          if (captured === undefined || own.includes(pageKey(captured))) return [];
          return [
            {
              in: "sources" as const,
              field: `sources[${source.index}].captures[${index}]`,
              source: source.id,
              given,
              capture,
              captured,
            },
          ];
        });
      }),
    message: (hit) =>
      `source "${hit.source}" gives the url ${hit.given}, but its capture ${hit.capture} says it was captured from ${hit.captured}`,
    hint: "if the capture is of another page, list it under the source it belongs to; if the page moved or was captured through a copy, keep the address the capture gives in archived_url",
  }),
  lint({
    name: "disputed-but-confirmed",
    test: ({ incident, claims }) =>
      incident.status !== "confirmed"
        ? []
        : claims
            .filter((claim) => claim.disputes.sources.length > 0)
            .map((claim) => ({ in: "incident" as const, field: "status", claim })),
    message: ({ claim }) =>
      `status is "confirmed", but claim "${claim.id}" is disputed by ${plural(claim.disputes.sources.length, "source")} from ${plural(claim.disputes.origins.length, "independent origin")}: ${quoted(claim.disputes.sources)}`,
    hint: "set status: disputed, or explain in the write-up why the dispute does not hold",
  }),
  lint({
    name: "unknown-id",
    test: ({ sources, claims }) => {
      const known = new Set(sources.map((source) => source.id));
      const declared = sources.flatMap((source) =>
        declaredLinks(source.source)
          .filter((link) => !known.has(link.to) || link.to === source.id)
          .map((link) => ({
            in: "sources" as const,
            field: fieldPath(["sources", source.index, ...link.path]),
            id: link.to,
            kind: link.kind,
            self: link.to === source.id,
            known,
          })),
      );
      const stances = claims.flatMap((claim) =>
        Object.keys(claim.claim.stances)
          .filter((id) => !known.has(id))
          .map((id) => ({
            in: "sources" as const,
            field: `claims[${claim.index}].stances.${id}`,
            id,
            kind: "stance",
            self: false,
            known,
          })),
      );
      return [...declared, ...stances];
    },
    message: (hit) =>
      hit.self
        ? `source "${hit.id}" names itself in ${hit.kind}`
        : `${hit.kind} names unknown source "${hit.id}"`,
    hint: (hit) =>
      `use the id of another source in this file (known: ${knownIds([...hit.known].filter((id) => id !== hit.id))})`,
  }),
];

/** Names of the lint rules. */
export const lintNames = lintRules.map((rule) => rule.name);

/** Runs every lint rule over an incident; the problems are warnings, in rule order then file order. */
export function lintIncident(context: LintContext): LintProblem[] {
  return lintRules.flatMap((rule) => rule.run(context));
}
