import type { LedgerEntry } from "../archive/index.ts";
import type { CaptureFacts } from "./capture-facts.ts";
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
    };
  });
}
