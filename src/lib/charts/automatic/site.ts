/**
 * Site-level charts for the home page: incidents over time coloured by type, and how many
 * incidents there are per type and per country.
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import type { AutomaticChart } from "../automatic.ts";
import type { SiteChartPlacement } from "../placements.ts";
import { formatValue } from "../describe.ts";
import { categoricalPalette, paletteColor } from "../palette.ts";
import { tableFromRows } from "../rows-table.ts";
import { marginFor } from "../text-fit.ts";
import type { IncidentSummary, SiteChartInput } from "./inputs.ts";
// Incident types in the order of the data model; each keeps its colour on every page.
import { incidentTypes } from "../../../schemas/incident.ts";
import { maxOf, minOf } from "../../arrays.ts";

/** Types in data-model order, then any unknown ones alphabetically. */
function typeDomain(incidents: IncidentSummary[]): string[] {
  const seen = new Set(incidents.flatMap((incident) => incident.types));
  const known: string[] = incidentTypes.filter((type) => seen.has(type));
  return [...known, ...[...seen].filter((type) => !known.includes(type)).sort()];
}

/** The type colour scale shared by the site charts: fixed per type, whatever types are present. */
function typeColors(domain: string[]): { domain: string[]; range: string[] } {
  const all: string[] = [
    ...incidentTypes,
    ...domain.filter((type) => !(incidentTypes as readonly string[]).includes(type)),
  ];
  return {
    domain: all,
    range: all.map(
      (_, index) => categoricalPalette[index % categoricalPalette.length] ?? "currentColor",
    ),
  };
}

/** The Plot spec of all incidents on a time axis, one row and colour per type. */
export function incidentTimeline(incidents: IncidentSummary[]): PlotOptions {
  const domain = typeDomain(incidents);
  const dots = incidents
    .flatMap((incident) =>
      incident.types.map((type) => ({
        type,
        start: incident.start,
        note: `${incident.title} (${formatValue(incident.start)})`,
        href: incident.href ?? null,
        id: incident.id,
      })),
    )
    .sort(
      (a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return {
    height: 50 + domain.length * 30,
    marginLeft: marginFor(domain, 20),
    x: { type: "utc", label: "Start (UTC)", grid: true, nice: true },
    y: { domain, label: null, tickSize: 0 },
    color: typeColors(domain),
    marks: [
      Plot.dot(dots, {
        x: "start",
        y: "type",
        fill: "type",
        r: 5,
        stroke: "currentColor",
        strokeWidth: 0.5,
        title: "note",
        ...(dots.some((dot) => dot.href !== null) ? { href: "href" } : {}),
      }),
    ],
  };
}

/** Which list of an incident is counted. */
export type CountField = "types" | "countries";

const countLabels = {
  types: "Incidents by type",
  countries: "Incidents by country",
} as const satisfies Record<CountField, string>;
const countColumns = { types: "type", countries: "country" } as const satisfies Record<
  CountField,
  string
>;

/** Counts per value of the field, most first, ties alphabetically. */
function counts(incidents: IncidentSummary[], field: CountField): { key: string; count: number }[] {
  const tally = new Map<string, number>();
  for (const incident of incidents)
    for (const key of new Set(incident[field])) tally.set(key, (tally.get(key) ?? 0) + 1);
  return [...tally]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The Plot spec of a horizontal bar chart of incident counts by type or by country. */
function countsBySpec(incidents: IncidentSummary[], field: CountField): PlotOptions {
  const rows = counts(incidents, field);
  const max = Math.max(1, maxOf(rows.map((row) => row.count)));
  const column = countColumns[field];
  const data = rows.map((row) => ({ [column]: row.key, incidents: row.count }));
  return {
    height: 50 + rows.length * 24,
    marginLeft: marginFor(
      rows.map((row) => row.key),
      24,
    ),
    marginRight: 30,
    x: {
      label: "Incidents",
      domain: [0, max],
      ticks: Math.min(max, 8),
      tickFormat: (n: number) => (Number.isInteger(n) ? String(n) : ""),
    },
    y: { domain: rows.map((row) => row.key), label: null, tickSize: 0 },
    ...(field === "types" ? { color: typeColors(rows.map((row) => row.key)) } : {}),
    marks: [
      Plot.barX(data, {
        x: "incidents",
        y: column,
        fill: field === "types" ? column : paletteColor(1),
      }),
      Plot.text(data, { x: "incidents", y: column, text: "incidents", textAnchor: "start", dx: 4 }),
      Plot.ruleX([0]),
    ],
  };
}

/** The incident timeline as a registry entry; drawn once there is an incident. */
export const incidentTimelineChart: AutomaticChart<SiteChartInput, SiteChartPlacement> = {
  name: "incident-timeline",
  label: "Incidents over time",
  placement: "overview",
  applies: (input) => input.incidents.length > 0,
  spec: (input) => incidentTimeline(input.incidents),
  describe: (input) => {
    const starts = input.incidents.map((incident) => incident.start.getTime());
    const from = formatValue(new Date(minOf(starts))).slice(0, 10);
    const to = formatValue(new Date(maxOf(starts))).slice(0, 10);
    const n = input.incidents.length;
    const perType = counts(input.incidents, "types").map((row) => `${row.key} ${row.count}`);
    return {
      title: `${n} ${n === 1 ? "incident" : "incidents"} from ${from} to ${to}, by type`,
      description: `Each dot is an incident at its start date, on the row of each of its types. Incidents per type: ${perType.join(", ")}.`,
    };
  },
  table: (input, file) =>
    tableFromRows(
      file,
      [
        { name: "start", type: "date" },
        { name: "incident", type: "string" },
        { name: "types", type: "string" },
      ],
      [...input.incidents]
        .sort((a, b) => a.start.getTime() - b.start.getTime())
        .map((incident) => ({
          start: incident.start,
          incident: incident.title,
          types: incident.types.join(" "),
        })),
    ),
};

/** A registry entry of incident counts by type or by country; drawn once a value is present. */
export function countsBy(field: CountField): AutomaticChart<SiteChartInput, SiteChartPlacement> {
  const column = countColumns[field];
  return {
    name: `counts-by-${column}`,
    label: countLabels[field],
    placement: "overview",
    applies: (input) => input.incidents.some((incident) => incident[field].length > 0),
    spec: (input) => countsBySpec(input.incidents, field),
    describe: (input) => {
      const rows = counts(input.incidents, field);
      return {
        title: `${countLabels[field]}, ${rows.length} ${rows.length === 1 ? "bar" : "bars"}`,
        description: `${countLabels[field]}, most first: ${rows.map((row) => `${row.key} ${row.count}`).join(", ")}.`,
      };
    },
    table: (input, file) =>
      tableFromRows(
        file,
        [
          { name: column, type: "string" },
          { name: "incidents", type: "number" },
        ],
        counts(input.incidents, field).map((row) => ({ [column]: row.key, incidents: row.count })),
      ),
  };
}
