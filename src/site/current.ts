/**
 * This build's settings, as the integration resolved them: pages, components and loaders read
 * them from here, never from the environment.
 */
export { chartRenderer, settings } from "virtual:casefile/settings";
