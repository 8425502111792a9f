import type { LedgerEntry } from "../archive/index.ts";
import type { CaptureFacts } from "./capture-facts.ts";
import { decidedWords } from "../archive/decisions.ts";
import type { Dossier } from "./dossier.ts";

/** One capture's decisions, line by line, for the processing report. */
export interface CaptureReport {
  /** Capture label (site-relative path). */
  file: string;
  /** Sources that name this capture. */
  sources: string[];
  /** Its provenance: format, hash, size, URL, capture time, tool (absent for a missing file). */
  facts: CaptureFacts | undefined;
  /** Lines by status. */
  counts: { kept: number; duplicate: number; boilerplate: number };
  /** Every line that was not simply kept: duplicates and boilerplate, in line order. */
  decisions: LedgerEntry[];
  /** Every ledger entry, for the full audit. */
  entries: LedgerEntry[];
  /** Lines hidden or merged: duplicates and boilerplate (the entries that show their text). */
  hidden: number;
}

/** One decision of the researchers, as the report lists it. */
export interface DecisionReport {
  /** The source it is written under. */
  source: string;
  /** What it decides, in one sentence (after the source's id). */
  text: string;
  /** Their reason, when given. */
  reason: string | undefined;
}

/** Where a paragraph is kept, as `file:line` relative to data/archives/, by paragraph id. */
export function paragraphPlaces(dossier: Dossier): Map<string, string> {
  const places = new Map<string, string>();
  for (const { document } of dossier.evidence.documents) {
    const all = [...document.paragraphs, ...document.copies.flatMap((copy) => copy.front)];
    for (const paragraph of all)
      if (!places.has(paragraph.id))
        places.set(
          paragraph.id,
          `${paragraph.file.replace(/^data\/archives\//, "")}:${paragraph.line}`,
        );
  }
  return places;
}

/** What a duplicate line's entry says: "same text as paragraph p-… (kept at file:line)". */
export function duplicateNote(entry: LedgerEntry, places: ReadonlyMap<string, string>): string {
  const place = entry.duplicateOf ? places.get(entry.duplicateOf) : undefined;
  const kind = entry.reason ?? "duplicate of the paragraph";
  return `${kind} ${entry.duplicateOf ?? ""}${place ? ` in ${place}` : ""}`;
}

/** Quotes a text the researchers wrote, as the report shows it. */
const quote = (text: string) => `“${text}”`;

/** Every decision of the researchers on an incident's captures and articles, in source order. */
export function researcherDecisions(dossier: Pick<Dossier, "sources">): DecisionReport[] {
  const list: DecisionReport[] = [];
  for (const source of dossier.sources) {
    for (const decision of source.decisions) {
      const capture = decision.file;
      const select = decision.select;
      if (select)
        list.push({
          source: source.id,
          text:
            "lines" in select
              ? `is only lines ${select.lines} of ${capture}`
              : typeof select.article === "number"
                ? `is only article ${select.article} of ${capture}`
                : `is only the article holding ${quote(select.article)} in ${capture}`,
          reason: select.reason,
        });
      for (const keep of decision.keep)
        list.push({
          source: source.id,
          text: `keeps the block starting ${quote(keep.text)} in ${capture}`,
          reason: keep.reason,
        });
      for (const hide of decision.hide)
        list.push({
          source: source.id,
          text: `hides the block starting ${quote(hide.text)} in ${capture}`,
          reason: hide.reason,
        });
    }
    for (const link of source.same_as)
      list.push({
        source: source.id,
        text: `is the same article as source ${link.source}`,
        reason: link.reason,
      });
    for (const link of source.not_same_as)
      list.push({
        source: source.id,
        text: `is not the same article as source ${link.source}`,
        reason: link.reason,
      });
  }
  return list;
}

/** A decision as one line of text, as the report prints it. */
export function decisionLine(decision: DecisionReport): string {
  const why = decision.reason ? `: ${decision.reason}` : "";
  return `Source ${decision.source} ${decision.text} — ${decidedWords}${why}`;
}

/** Boilerplate counts per rule across the incident's captures, most frequent first. */
export function boilerplateByRule(
  entries: readonly LedgerEntry[],
): { rule: string; reason: string; count: number }[] {
  const rules = new Map<string, { rule: string; reason: string; count: number }>();
  for (const entry of entries) {
    if (entry.status !== "boilerplate" || !entry.rule) continue;
    const row = rules.get(entry.rule) ?? { rule: entry.rule, reason: entry.reason ?? "", count: 0 };
    row.count++;
    rules.set(entry.rule, row);
  }
  return [...rules.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** The processing report of an incident: per capture, every duplicate and boilerplate decision. */
export function processingReport(dossier: Dossier): CaptureReport[] {
  return dossier.evidence.captures.map((file) => {
    const entries = dossier.evidence.ledger.filter((entry) => entry.file === file);
    const counts = { kept: 0, duplicate: 0, boilerplate: 0 };
    for (const entry of entries) counts[entry.status]++;
    return {
      file,
      sources: dossier.sources
        .filter((source) => source.captures.some((capture) => `data/archives/${capture}` === file))
        .map((source) => source.id),
      facts: dossier.evidence.facts.get(file),
      counts,
      decisions: entries.filter((entry) => entry.status !== "kept"),
      entries,
      hidden: counts.duplicate + counts.boilerplate,
    };
  });
}
