/**
 * The slice of citation-js (0.8, which ships no type declarations) that Casefile uses.
 * Plugins are imported for their side effect: they register formats on the core's registry.
 */

declare module "@citation-js/core" {
  /** One citation item as citation-js holds it: CSL-JSON with its own bookkeeping keys. */
  type CiteItem = Record<string, unknown>;

  /** A citation-js collection, built from CSL-JSON, BibTeX, RIS and other inputs. */
  export class Cite {
    /** Parses `data` synchronously (CSL-JSON object or array, or text in a registered format). */
    constructor(data: unknown, options?: Record<string, unknown>);
    /** The parsed items as CSL-JSON. */
    data: CiteItem[];
    /** Formats the items: `bibtex`, `ris`, `data`, `bibliography`, `citation`, … */
    format(format: string, options?: Record<string, unknown>): string;
  }

  /** The plugin registry (inputs, outputs and configuration). */
  export const plugins: {
    /** Configuration of a registered plugin, e.g. `@bibtex`. */
    config: { get(name: string): unknown };
    /** Output formats. */
    output: { list(): string[]; has(name: string): boolean };
  };
}

declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "@citation-js/plugin-csl";
