/** Colours of the installed app, matching the site's light theme. */
const colours = { theme: "#1f4fa3", background: "#fdfdfc" } as const;

/** The web app manifest of a site under a base path, with the SVG favicon as its only icon. */
export function webManifest(base: string, description: string): Record<string, unknown> {
  return {
    name: "Casefile incident dossiers",
    short_name: "Casefile",
    description,
    lang: "en",
    start_url: base,
    scope: base,
    display: "standalone",
    theme_color: colours.theme,
    background_color: colours.background,
    icons: [{ src: `${base}favicon.svg`, sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
