/**
 * The incident timeline: one row per event in time order, a dot at its time on a UTC axis and its
 * label on the left. Rows rather than labels beside dots keep it readable when events cluster.
 */
import * as Plot from "@observablehq/plot";
import type { PlotOptions } from "@observablehq/plot";
import type { AutomaticChart } from "../automatic.ts";
import type { IncidentChartPlacement } from "../placements.ts";
import { formatValue } from "../describe.ts";
import { paletteColor } from "../palette.ts";
import { tableFromRows } from "../rows-table.ts";
import { marginFor, truncate } from "../text-fit.ts";
import type { IncidentChartInput, TimelineEvent } from "./inputs.ts";

const labelLength = 44;
const rowHeight = 24;

/** Events in time order (ties keep file order), each with its row key. */
function ordered(events: TimelineEvent[]): { key: string; event: TimelineEvent }[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.time.getTime() - b.event.time.getTime() || a.index - b.index)
    .map(({ event }, row) => ({ key: String(row + 1), event }));
}

/** The Plot spec of a timeline of events. */
export function timelineSpec(events: TimelineEvent[]): PlotOptions {
  const rows = ordered(events).map(({ key, event }) => ({
    key,
    time: event.time,
    label: event.label,
    note: `${formatValue(event.time)} — ${event.label}${event.sources.length ? ` (sources: ${event.sources.join(", ")})` : ""}`,
  }));
  const labels = new Map(rows.map((row) => [row.key, truncate(row.label, labelLength)]));
  const first = rows[0]?.time ?? new Date(0);
  return {
    height: 50 + rows.length * rowHeight,
    marginLeft: marginFor([...labels.values()], labelLength),
    marginRight: 20,
    x: { type: "utc", label: "Time (UTC)", grid: true, nice: true },
    y: {
      type: "band",
      domain: rows.map((row) => row.key),
      label: null,
      tickFormat: (key: string) => labels.get(key) ?? key,
      tickSize: 0,
    },
    marks: [
      Plot.ruleY(rows, {
        y: "key",
        x1: () => first,
        x2: "time",
        stroke: "currentColor",
        strokeOpacity: 0.25,
      }),
      Plot.dot(rows, {
        x: "time",
        y: "key",
        r: 4.5,
        fill: paletteColor(1),
        stroke: "currentColor",
        strokeWidth: 0.75,
        title: "note",
      }),
    ],
  };
}

/** Events listed in the description before pointing to the data table. */
const describedEvents = 20;

/** "Timeline of 4 events, 2024-07-28 to 2024-07-29" and the events in order. */
function describeTimeline(events: TimelineEvent[]): { title: string; description: string } {
  const rows = ordered(events).map(({ event }) => event);
  const day = (event: TimelineEvent | undefined): string =>
    event ? formatValue(event.time).slice(0, 10) : "";
  const first = day(rows[0]);
  const last = day(rows.at(-1));
  const span = first === last ? `on ${first}` : `${first} to ${last}`;
  const listed = rows
    .slice(0, describedEvents)
    .map((event) => `${formatValue(event.time)}: ${event.label}`);
  const more =
    rows.length > describedEvents
      ? ` … and ${rows.length - describedEvents} more (see the data table)`
      : "";
  return {
    title: `Timeline of ${rows.length} ${rows.length === 1 ? "event" : "events"}, ${span}`,
    description: `Events in time order, times in UTC. ${listed.join("; ")}${more}.`,
  };
}

/** Timeline of an incident's events; drawn from two events on. */
export const timeline: AutomaticChart<IncidentChartInput, IncidentChartPlacement> = {
  name: "timeline",
  label: "Timeline of events",
  placement: "timeline",
  applies: (input) => (input.events?.length ?? 0) >= 2,
  spec: (input) => timelineSpec(input.events ?? []),
  describe: (input) => describeTimeline(input.events ?? []),
  table: (input, file) => {
    const table = tableFromRows(
      file,
      [
        { name: "time", type: "date" },
        { name: "label", type: "string" },
        { name: "sources", type: "string" },
      ],
      ordered(input.events ?? []).map(({ event }) => ({
        time: event.time,
        label: event.label,
        sources: event.sources.join(" "),
      })),
    );
    // Show times as the author wrote them, with their offsets.
    ordered(input.events ?? []).forEach(({ event }, index) => {
      const raw = table.raw[index];
      if (raw && event.timeText !== undefined) raw["time"] = event.timeText;
    });
    return table;
  },
};
