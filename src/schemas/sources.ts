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

/** The quoted start of a text block, as it reads in the capture (case and spacing aside). */
const quotedStart = z
  .string()
  .trim()
  .refine((text) => text.length >= 3, "quote at least the first few words of the block");

/** A reason the researchers give for a decision. */
const decisionReason = z.string().trim().min(1);

/** Keep a block a rule hid: its quoted start, or that and why. */
const keepDecision = z.union([
  quotedStart,
  z.strictObject({
    /** The quoted start of the block to keep. */
    text: quotedStart,
    /** Why it is kept. */
    reason: decisionReason.optional(),
  }),
]);

/** Hide a block, with the reason shown in the processing report. */
const hideDecision = z.strictObject({
  /** The quoted start of the block to hide. */
  text: quotedStart,
  /** Why it is hidden (required: the report shows it). */
  reason: decisionReason,
});

/** The part of a capture that is this source: one article of a compilation, or a line range. */
const selectDecision = z.union([
  z.strictObject({
    /** The article: its number in the capture (1 is the first) or the quoted start of one of its blocks (its headline). */
    article: z.union([
      z
        .number()
        .int()
        .refine(
          (article) => article >= 1,
          "articles are numbered from 1, the first in the capture",
        ),
      quotedStart,
    ]),
    /** Why this part. */
    reason: decisionReason.optional(),
  }),
  z.strictObject({
    /** The lines (text blocks) `from-to`, both included, as the processing report numbers them. */
    lines: z.string().regex(/^[1-9]\d*-[1-9]\d*$/, 'write the range as "from-to", such as "10-40"'),
    /** Why this part. */
    reason: decisionReason.optional(),
  }),
]);

/** A capture with the researchers' decisions on it. */
const captureEntry = z.strictObject({
  /** The capture's path under data/archives/. */
  file: capturePath,
  /** The part of the capture that is this source (default: all of it). */
  select: selectDecision.optional(),
  /** Blocks a rule hid that are kept (each the quoted start of a block). */
  keep: z.array(keepDecision).default([]),
  /** Blocks hidden, each with its reason. */
  hide: z.array(hideDecision).default([]),
});

/**
 * A capture as listed: a path, or a mapping with the decisions. Not a `z.union`: an entry with a
 * mistake would then be reported as "Invalid input", where each form's own message says what.
 */
const captureItem = z
  .unknown()
  .transform((value, context): string | z.output<typeof captureEntry> => {
    const result =
      typeof value === "string" ? capturePath.safeParse(value) : captureEntry.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues)
      context.addIssue({ ...issue, input: issue.input as never, continue: false });
    // The parse has failed; an unknown field does not stop zod's later transforms, which must not
    // meet a missing field.
    return { file: "", keep: [], hide: [] };
  });

/** Another source whose article this source's is, or is not, with the reason. */
const articleLink = z.strictObject({
  /** Id of the other source of this incident. */
  source: id,
  /** Why the researchers say so. */
  reason: decisionReason,
});

/** The researchers' decisions on one capture of a source (see docs/captures.md). */
export interface CaptureDecision {
  /** Position in the source's `captures`. */
  index: number;
  /** The capture's path under data/archives/. */
  file: string;
  /** The part of the capture that is this source. */
  select?: z.output<typeof selectDecision> | undefined;
  /** Blocks kept, each with its reason if given. */
  keep: { text: string; reason?: string | undefined }[];
  /** Blocks hidden, each with its reason. */
  hide: { text: string; reason: string }[];
}

/** One source of an incident. */
const sourceFields = z.strictObject({
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
  /**
   * Capture files under `data/archives/`, relative to that folder (normalised: `./a//b` is `a/b`):
   * each a path, or `{ file, select, keep, hide }` with the researchers' decisions on it.
   */
  captures: z.array(captureItem).default([]),
  /** Sources whose article is the same as this one's, though the engine did not group them. */
  same_as: z.array(articleLink).default([]),
  /** Sources whose article is not the same as this one's, though the engine grouped them. */
  not_same_as: z.array(articleLink).default([]),
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

/**
 * One source of an incident. Its `captures` come out as paths (what every reader of a source
 * needs); the decisions written on them come out apart, in `decisions`.
 */
export const sourceSchema = sourceFields.transform(({ captures, ...source }) => ({
  ...source,
  captures: captures.map((capture) => (typeof capture === "string" ? capture : capture.file)),
  /** The researchers' decisions on its captures, in `captures` order. */
  decisions: captures.flatMap((capture, index): CaptureDecision[] =>
    typeof capture === "string"
      ? []
      : [
          {
            index,
            file: capture.file,
            select: capture.select,
            keep: capture.keep.map((keep) => (typeof keep === "string" ? { text: keep } : keep)),
            hide: capture.hide,
          },
        ],
  ),
}));

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
