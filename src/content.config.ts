// Astro reads the collections from this file; they are defined with the rest of the site module.
export { collections } from "./site/collections.ts";
