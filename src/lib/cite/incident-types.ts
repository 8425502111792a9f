import type { incidentTypes } from "../../schemas/incident.ts";

/** One kind of incident (`ddos`, `defacement`, …). */
export type IncidentType = (typeof incidentTypes)[number];

/** How each kind of incident is named for readers and machines. */
export const incidentTypeLabels = {
  ddos: "Distributed denial of service",
  defacement: "Defacement",
  intrusion: "Intrusion",
  "data-leak": "Data leak",
  malware: "Malware",
  disinformation: "Disinformation",
  other: "Other",
} as const satisfies Record<IncidentType, string>;
