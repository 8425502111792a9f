import type { Plugin } from "vite";
import type { SiteSettings } from "../site/settings.ts";

/** The module pages import this build's settings from (declared in src/site/virtual.d.ts). */
const id = "virtual:casefile/settings";

/** A Vite plugin serving the resolved settings and the chart renderer's version as a module. */
export function virtualSettings(settings: SiteSettings, chartRenderer: string): Plugin {
  return {
    name: "casefile-settings",
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load: (resolved) =>
      resolved === `\0${id}`
        ? `export const settings = ${JSON.stringify(settings)};\nexport const chartRenderer = ${JSON.stringify(chartRenderer)};\n`
        : undefined,
  };
}
