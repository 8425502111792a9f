/** Input shapes of the automatic charts, as the core computes them from an incident's data. */

/** One timeline event (`events.csv`). */
export interface TimelineEvent {
  /** When it happened, as an instant. */
  time: Date;
  /** The time as the author wrote it (keeps the offset for the data table), when known. */
  timeText?: string | undefined;
  /** What happened. */
  label: string;
  /** Ids of the sources reporting it. */
  sources: string[];
}

/** Admiralty source reliability, A (completely reliable) to F (cannot be judged). */
export type Reliability = "A" | "B" | "C" | "D" | "E" | "F";

/** Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged). */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

/** A source with its grades, when graded. */
export interface GradedSource {
  /** The source's id. */
  id: string;
  /** Reliability grade. */
  reliability?: Reliability | undefined;
  /** Credibility grade. */
  credibility?: Credibility | undefined;
}

/** A claim made in the incident's sources. */
export interface ChartClaim {
  /** The claim's id. */
  id: string;
  /** The claim as a sentence. */
  text: string;
}

/** How a source treats a claim. */
export type Stance = "asserts" | "disputes" | "mentions";

/** One source's stance on one claim. */
export interface ChartStance {
  /** Claim id. */
  claim: string;
  /** Source id. */
  source: string;
  /** The stance. */
  stance: Stance;
}

/** Everything the incident-page charts draw from; each chart uses its part. */
export interface IncidentChartInput {
  /** Timeline events. */
  events?: TimelineEvent[] | undefined;
  /** The incident's sources, graded or not. */
  sources?: GradedSource[] | undefined;
  /** The incident's claims. */
  claims?: ChartClaim[] | undefined;
  /** Stances of sources on claims. */
  stances?: ChartStance[] | undefined;
}

/** An incident as the site-level charts see it. */
export interface IncidentSummary {
  /** The incident id (URL segment). */
  id: string;
  /** The incident title. */
  title: string;
  /** Start of the incident's period. */
  start: Date;
  /** Incident types (ddos, defacement, …). */
  types: string[];
  /** ISO 3166-1 alpha-2 country codes. */
  countries: string[];
  /** Link to the incident page (base-aware, computed by the caller), when dots should link. */
  href?: string | undefined;
}

/** Everything the site-level charts draw from. */
export interface SiteChartInput {
  /** Every published incident. */
  incidents: IncidentSummary[];
}
