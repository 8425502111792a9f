/**
 * Components that write-ups may use without importing them: the incident page renders every
 * write-up with `<Content components={{ Chart }} />` (src/pages/incidents/[id]/index.astro), and
 * the content check accepts exactly these names. Add a component in both places.
 */

/** Components that write-ups may use without importing them. */
export const providedComponents = ["Chart"] as const;
