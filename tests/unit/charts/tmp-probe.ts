import { writeFileSync } from "node:fs";
import { incidentCharts, renderAutomaticCharts, siteCharts } from "../../../src/lib/charts/automatic.ts";
const t = (s: string) => new Date(s);
const input = {
  events: [
    { time: t("2024-07-28T11:29:00-04:00"), label: "First DDoS wave hits the electoral authority website", sources: ["s1", "s2"] },
    { time: t("2024-07-28T13:00:00-04:00"), label: "Hacktivist channel claims responsibility <b>", sources: ["s3"] },
    { time: t("2024-07-28T18:45:00-04:00"), label: "Site back online", sources: [] },
    { time: t("2024-07-29T09:00:00-04:00"), label: "Official statement blames foreign actors and promises an investigation into the attack", sources: ["s4"] },
  ],
  sources: [
    { id: "s1", reliability: "A" as const, credibility: 2 as const },
    { id: "s2", reliability: "A" as const, credibility: 2 as const },
    { id: "s3", reliability: "F" as const, credibility: 6 as const },
    { id: "s4", reliability: "C" as const, credibility: 3 as const },
    { id: "s5" },
  ],
  claims: [{ id: "c1", text: "The attack was a DDoS" }, { id: "c2", text: "A foreign state was behind the attack on the election infrastructure" }],
  stances: [
    { claim: "c1", source: "s1", stance: "asserts" as const },
    { claim: "c1", source: "s3", stance: "asserts" as const },
    { claim: "c2", source: "s3", stance: "disputes" as const },
    { claim: "c2", source: "s4", stance: "asserts" as const },
    { claim: "c2", source: "s2", stance: "mentions" as const },
  ],
};
const site = { incidents: [
  { id: "a", title: "A", start: t("2024-07-28"), types: ["ddos"], countries: ["VE"] },
  { id: "b", title: "B", start: t("2024-03-02"), types: ["ddos", "defacement"], countries: ["VE", "CO"] },
  { id: "c", title: "C", start: t("2023-11-12"), types: ["data-leak"], countries: ["AR"], href: "/incidents/c/" },
] };
const out = [...renderAutomaticCharts(incidentCharts, input, { file: "data/incidents/x/sources.yaml", idPrefix: "x" }), ...renderAutomaticCharts(siteCharts, site, { file: "content/incidents", idPrefix: "site" })];
import { readFileSync } from "node:fs";
const css = readFileSync("src/lib/charts/charts.css", "utf8");
writeFileSync("/tmp/cf/charts.html", `<!doctype html><meta charset=utf-8><style>${css} body{max-width:760px;margin:auto;font-family:sans-serif}</style>` + out.map((c) => `<h2>${c.label}</h2>${c.svg}<details open>${c.table}</details>`).join("\n"));
for (const c of out) console.log(c.name, c.svg.match(/<title id[^<]*<\/title><desc[^<]*<\/desc>/)?.[0]);
