/** The settings the integration resolved for this build (src/integration/virtual-settings.ts). */
declare module "virtual:casefile/settings" {
  /** The site's settings, validated once by the integration. */
  export const settings: import("./settings.ts").SiteSettings;
  /** The chart renderer's version, which keys the rendered-chart cache. */
  export const chartRenderer: string;
}
