import {
  incidentCharts,
  renderAutomaticCharts,
  type ChartCache,
  type IncidentChartPlacement,
  type RenderedAutomaticChart,
} from "../charts/index.ts";
import { dossierChartInput, type Dossier } from "./dossier.ts";

/**
 * The automatic charts of an incident page (timeline, grades grid, stance matrix), drawn or read
 * from the cache, each with the page section it goes in. The page and the check's warm-up (which draws them beside the build) both call
 * this, so that they ask the cache for the same keys.
 */
export function dossierCharts(
  dossier: Dossier,
  cache?: ChartCache,
): RenderedAutomaticChart<IncidentChartPlacement>[] {
  return renderAutomaticCharts(incidentCharts, dossierChartInput(dossier), {
    file: dossier.incident.file,
    idPrefix: "auto",
    cache,
  });
}
