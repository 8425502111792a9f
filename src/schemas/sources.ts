import { z } from "zod";
import { credibility, day, id, reliability, webUrl } from "./common.ts";

/** Kinds of document a source can be. */
export const documentKinds = [
  "technical-analysis",
  "official-statement",
  "news-report",
  "opinion",
  "interview",
  "aggregator",
  "social-post",
] as const;

/** How a source relates to a claim. */
export const stances = ["asserts", "disputes", "mentions"] as const;

/**
 * A capture's path relative to data/archives/, in the one spelling the archive lists it by:
 * `./a/b.txt`, `a//b.txt` and `a/x/../b.txt` are all `a/b.txt`, so that each names the same
 * capture. Undefined for a path that is absolute or leads out of the folder.
 */
function normaliseCapturePath(path: string): string | undefined {
  if (path.startsWith("/")) return undefined;
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== "..") parts.push(part);
    else if (parts.pop() === undefined) return undefined;
  }
  return parts.length > 0 ? parts.join("/") : undefined;
}

/** A capture path, normalised; one that is absolute or leaves data/archives/ is refused. */
const capturePath = z
  .string()
  .min(1)
  .transform((path, context) => {
    const normalised = normaliseCapturePath(path);
    if (normalised === undefined) {
      context.addIssue({
        code: "custom",
        input: path,
        message: `capture "${path}" is not a path inside data/archives/`,
      });
      return z.NEVER;
    }
    return normalised;
  });

/** One source of an incident. */
export const sourceSchema = z.strictObject({
  /** Stable, author-chosen id; anchors `#source-<id>`. */
  id,
  /** Title of the document. */
  title: z.string().min(1),
  /** Id of its outlet in `data/outlets.yaml`. */
  outlet: id,
  /** Kind of document. */
  kind: z.enum(documentKinds),
  /** Author, if named. */
  author: z.string().optional(),
  /** Day it was published, if known. */
  published: day.optional(),
  /** Where it was published. */
  url: webUrl.optional(),
  /** An archived copy (e.g. a web archive snapshot). */
  archived_url: webUrl.optional(),
  /** Capture files under `data/archives/`, relative to that folder (normalised: `./a//b` is `a/b`). */
  captures: z.array(capturePath).default([]),
  /** Id of the source this one republishes (copies its text). */
  republished_from: id.optional(),
  /**
   * Ids of sources whose findings this one reports, whether or not it copies their text (a news
   * story about a vendor's analysis): it is not independent of them.
   */
  based_on: z.array(id).default([]),
  /** Id of the source this one translates into another language. */
  translated_from: id.optional(),
  /** Admiralty reliability of the source (A–F); inherited from the outlet if absent. */
  reliability: reliability.optional(),
  /** Admiralty credibility of the information (1–6). */
  credibility: credibility.optional(),
  /** Why these grades. */
  rationale: z.string().optional(),
});

/** One claim made about an incident, with each source's stance. */
export const claimSchema = z.strictObject({
  /** Stable id; anchors `#claim-<id>`. */
  id,
  /** The claim in one sentence. */
  text: z.string().min(1),
  /** Stance of each source on the claim: source id → asserts | disputes | mentions. */
  stances: z.record(id, z.enum(stances)).default({}),
});

/** `data/incidents/<id>/sources.yaml`. */
export const sourcesFileSchema = z.strictObject({
  /** The incident's sources. */
  sources: z.array(sourceSchema).default([]),
  /** The claims made about it. */
  claims: z.array(claimSchema).default([]),
});

/** A validated source. */
export type Source = z.output<typeof sourceSchema>;
/** A validated claim. */
export type Claim = z.output<typeof claimSchema>;
/** A validated sources file. */
export type SourcesFile = z.output<typeof sourcesFileSchema>;
