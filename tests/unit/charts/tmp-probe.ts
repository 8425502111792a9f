import * as Plot from "@observablehq/plot";
import { renderChart } from "../../../src/lib/charts/render.ts";
import { parseDataFile } from "../../../src/lib/charts/data.ts";
const t = parseDataFile("x.csv", "day,ips,k\n2024-07-28,3,a<script>\n2024-07-29T11:29:00-04:00,5,b&amp;\n", "data/x.csv");
console.log(t);
console.log(renderChart({ marks: [Plot.barY(t.rows, { x: "k", y: "ips", fill: "k", title: "k" }), Plot.ruleY([0])], color: { legend: true } }, { id: "c1", file: "f.mdx", label: "ips" }));
console.log(renderChart({ marks: [Plot.dot(t.rows, { x: "day", y: "ips", stroke: "k" }), Plot.text(t.rows, { x: "day", y: "ips", text: "k", clip: true })] }, { id: "c2", file: "f.mdx", label: "ips" }));
try { renderChart({ marks: [Plot.barY(t.rows, Plot.groupX({ y: "count" }, { x: "kk" }))] }, { id: "c3", file: "f.mdx", label: "grp" }); } catch (e) { console.log(String(e)); }
try { renderChart({ marks: [Plot.barY(t.rows, { x: "kk", y: "ips" })] }, { id: "c3", file: "f.mdx", label: "grp" }); } catch (e) { console.log(String(e)); }
try { renderChart({ marks: [Plot.barY(t.rows, { x: "k", y: "ips" })], x: { type: "bogus" as never } }, { id: "c3", file: "f.mdx", label: "grp" }); } catch (e) { console.log(String(e)); }
