import GithubSlugger, { slug as plainSlug } from "github-slugger";

/**
 * Stable fragment ids. They derive from author-chosen ids or content hashes, never from
 * positions, so a link to `#source-x` or `#p-…` keeps working when the page changes around it.
 */

/** The anchor of a source in an incident page (`source-<id>`). */
export function sourceAnchor(sourceId: string): string {
  return `source-${sourceId}`;
}

/** The anchor of a claim (`claim-<id>`). */
export function claimAnchor(claimId: string): string {
  return `claim-${claimId}`;
}

/** The anchor of a source paragraph: its `p-<hash>` id as is, or a bare hex hash prefixed. */
export function paragraphAnchor(hashId: string): string {
  const match = /^(?:p-)?([0-9a-f]+)$/.exec(hashId);
  if (match === null)
    throw new TypeError(`"${hashId}" is not a paragraph hash id (expected p-<hex>)`);
  return `p-${match[1] ?? ""}`;
}

/** Gives headings unique GitHub-style ids. */
export interface HeadingSlugger {
  /** A unique id for a heading's text (`Who did it?` → `who-did-it`, then `who-did-it-1`). */
  slug(text: string): string;
  /** Forgets the headings seen so far (for the next page), keeping the reserved ids. */
  reset(): void;
}

/** Id for a heading whose text slugs to nothing (only emoji or punctuation). */
const emptyHeadingId = "section";

/**
 * A heading slugger wrapping github-slugger. `reserved` ids (the page's `source-…`, `claim-…`
 * anchors) are taken up front, so a heading can never shadow them.
 */
export function headingSlugger(reserved: Iterable<string> = []): HeadingSlugger {
  const slugger = new GithubSlugger();
  const taken = [...reserved];
  const reserve = (): void => {
    for (const id of taken) slugger.slug(id, true);
  };
  reserve();
  return {
    slug(text: string): string {
      return slugger.slug(plainSlug(text) === "" ? emptyHeadingId : text);
    },
    reset(): void {
      slugger.reset();
      reserve();
    },
  };
}
