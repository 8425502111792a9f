import type { IncidentEvent } from "../../schemas/event.ts";
import type { Incident } from "../../schemas/incident.ts";
import type { Outlet } from "../../schemas/outlet.ts";
import type { SourcesFile } from "../../schemas/sources.ts";
import type { CasefileProblem } from "../errors.ts";

/** An incident write-up: its id (= file name = URL segment), file and frontmatter. */
export interface IncidentEntry {
  /** The id, from the file name. */
  id: string;
  /** Path relative to the site root. */
  file: string;
  /** Validated frontmatter. */
  data: Incident;
}

/** An event with the CSV line it came from. */
export interface EventEntry extends IncidentEvent {
  /** 1-based line in events.csv. */
  line: number;
}

/** Everything the authors wrote, validated and cross-checked. */
export interface SiteData {
  /** Incidents by id, sorted by id. */
  incidents: IncidentEntry[];
  /** Outlets in file order. */
  outlets: Outlet[];
  /** Sources and claims per incident id (empty lists when the file is absent). */
  sources: Map<string, SourcesFile & { file: string }>;
  /** Events per incident id, sorted by time. */
  events: Map<string, EventEntry[]>;
  /** Problems that do not stop the build. */
  warnings: CasefileProblem[];
}
