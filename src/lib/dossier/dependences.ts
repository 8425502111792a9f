/**
 * Dependences the evidence suggests but `sources.yaml` does not declare: a source whose capture
 * quotes a paragraph of another source's article, or says where it came from ("Originally
 * published by …", "Translated from …"). They are suggestions for the researchers, never merges:
 * only a declared `based_on`, `republished_from` or `translated_from` joins origins.
 */
import type { Outlet } from "../../schemas/outlet.ts";
import type { Source } from "../../schemas/sources.ts";
import type { DeclaredLink, SuggestedDependence } from "../reliability/index.ts";
import type { IncidentEvidence } from "./evidence.ts";
import { likelyTranslations } from "./translations.ts";

/** A line that credits another outlet, and the field that would declare it. */
const creditLines: { pattern: RegExp; declare: DeclaredLink["kind"] }[] = [
  {
    pattern: /\btranslated from\b|\btraducido del?\b|\btraducci[oó]n de\b/i,
    declare: "translated_from",
  },
  {
    pattern:
      /\b(?:originally|first) (?:published|appeared)\b|\breprinted (?:from|with)\b|\brepublished (?:from|with)\b|\bpublicado originalmente\b/i,
    declare: "republished_from",
  },
  {
    pattern: /\b(?:according to|based on|citing|source:|fuente:|seg[uú]n)\b/i,
    declare: "based_on",
  },
];

/** Lines longer than this are prose, not a credit line. */
const creditWords = 40;

/**
 * The dependences an incident's evidence suggests between its sources, at most one per pair, in
 * source-file order: paragraphs two articles share, articles that look like translations of each
 * other (`likelyTranslations`), and credit lines naming another source's outlet. A source holding several articles (a compilation) is based on several sources, so a
 * credit line in it suggests `based_on`, never a single `republished_from`.
 */
export function suggestedDependences(
  evidence: IncidentEvidence,
  sources: readonly Source[],
  outlets: ReadonlyMap<string, Outlet>,
): SuggestedDependence[] {
  const order = new Map(sources.map((source, index) => [source.id, index]));
  const found = new Map<string, SuggestedDependence>();
  const suggest = (suggestion: SuggestedDependence) => {
    const key = `${suggestion.source}\u0000${suggestion.on}`;
    if (suggestion.source !== suggestion.on && !found.has(key)) found.set(key, suggestion);
  };

  // A paragraph two articles share: one quotes the other, or both quote a third. Which one quotes
  // is left to the researchers (dates are often missing or belong to a republication); a source
  // carrying both articles (a compilation) is left out of the pair.
  const ownersOf = new Map(evidence.documents.map((entry) => [entry.document.id, entry.sources]));
  for (const entry of evidence.documents) {
    for (const shared of entry.document.sharedParagraphs) {
      for (const other of shared.documents) {
        const pair = sourcePair(entry.sources, ownersOf.get(other) ?? [], order);
        if (!pair) continue;
        const [first, second] = pair;
        suggest({
          source: second,
          on: first,
          kind: "shared-paragraph",
          declare: "based_on",
          evidence: `shares paragraph ${shared.paragraph} with "${first}", but neither declares that it depends on the other`,
        });
      }
    }
  }

  for (const pair of likelyTranslations(evidence.documents.map((entry) => entry.document))) {
    const sources = sourcePair(ownersOf.get(pair.a) ?? [], ownersOf.get(pair.b) ?? [], order);
    if (!sources) continue;
    const [first, second] = sources;
    suggest({
      source: second,
      on: first,
      kind: "translation",
      declare: "translated_from",
      evidence: `shares ${pair.shared} names and numbers (${Math.round(pair.containment * 100)} %) with "${first}" but no sentence: one may translate the other`,
    });
  }

  for (const source of sources) {
    // Credit lines are read from the source's text and from the lines the engine hid as credits.
    const files = new Set(source.captures.map((capture) => `data/archives/${capture}`));
    const texts = [
      ...(evidence.documentsOf.get(source.id) ?? []).flatMap((entry) =>
        entry.document.paragraphs.map((paragraph) => paragraph.text),
      ),
      ...evidence.ledger.flatMap((entry) =>
        entry.status === "boilerplate" && entry.rule === "credit-line" && files.has(entry.file)
          ? [entry.text ?? ""]
          : [],
      ),
    ];
    for (const raw of texts) {
      const text = raw.trim();
      if (text.split(/\s+/).length > creditWords) continue;
      const credit = creditLines.find((line) => line.pattern.test(text));
      if (!credit) continue;
      const compilation = (evidence.documentsOf.get(source.id) ?? []).length > 1;
      for (const other of sources) {
        const name = outlets.get(other.outlet)?.name;
        if (other.outlet === source.outlet || name === undefined) continue;
        if (text.toLowerCase().includes(name.toLowerCase()))
          suggest({
            source: source.id,
            on: other.id,
            kind: "credit-line",
            declare: compilation ? "based_on" : credit.declare,
            evidence: `says "${text.length > 120 ? `${text.slice(0, 117)}…` : text}", naming the outlet of "${other.id}", but declares no dependence on it`,
          });
      }
    }
  }
  return [...found.values()].sort(
    (a, b) =>
      (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) ||
      (order.get(a.on) ?? 0) - (order.get(b.on) ?? 0),
  );
}

/**
 * The sources that stand for two articles, the first in file order first: each article's first
 * owner that does not also own the other (a compilation carrying both is left out of the pair).
 */
function sourcePair(
  ours: readonly string[],
  theirs: readonly string[],
  order: ReadonlyMap<string, number>,
): [string, string] | undefined {
  const a = ours.find((id) => !theirs.includes(id));
  const b = theirs.find((id) => !ours.includes(id));
  if (a === undefined || b === undefined) return undefined;
  return (order.get(a) ?? 0) <= (order.get(b) ?? 0) ? [a, b] : [b, a];
}
