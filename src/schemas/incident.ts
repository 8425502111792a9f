import { z } from "zod";
import { country, day, id, moment, timeZone } from "./common.ts";

/** Kinds of incident Casefile knows. */
export const incidentTypes = [
  "ddos",
  "defacement",
  "intrusion",
  "data-leak",
  "malware",
  "disinformation",
  "other",
] as const;

/** How far an incident is established. */
export const incidentStatuses = ["claimed", "corroborated", "disputed", "confirmed"] as const;

/** An old id of an incident, or its old page path, as `redirect_from` lists it. */
const oldIncident = z
  .string()
  .regex(/^\s*(?:[a-z0-9]+(?:-[a-z0-9]+)*|\/incidents\/[a-z0-9]+(?:-[a-z0-9]+)*\/?)\s*$/, {
    error: (issue) =>
      `"${String(issue.input)}" is neither an old incident id nor an old incident path`,
  });

/**
 * One author of a write-up. A name is parsed: `Ana María Pérez` and `Pérez González, Ana María`
 * are persons, and names with a word such as Team, Lab or Institute stay whole, as a group.
 * `{ group: … }` and `{ given: …, family: … }` say which it is when the parse would guess wrong;
 * citations cite a group under its whole name, never as a person's given and family names.
 */
const author = z.union(
  [
    z.string().min(1),
    z.strictObject({
      /** A group author (a team, lab or organisation), cited under its whole name. */
      group: z.string().trim().min(1),
    }),
    z.strictObject({
      /** Given names of a person (`Ana María`). */
      given: z.string().trim().min(1),
      /** Family name, particles included (`van der Berg`, `Pérez González`). */
      family: z.string().trim().min(1),
      /** Generational suffix (`Jr.`), if any. */
      suffix: z.string().trim().min(1).optional(),
    }),
  ],
  {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an author (expected a name, { group: name } or { given: names, family: name })`,
  },
);

/** Frontmatter of `content/incidents/<id>.mdx`. */
export const incidentSchema = z
  .strictObject({
    /** Headline of the write-up. */
    title: z.string().min(1),
    /** One or two sentences for lists, feeds and citations. */
    summary: z.string().min(1),
    /** When it happened: start, optional end, and the time zone local times refer to. */
    period: z.strictObject({
      /** First day or instant. */
      start: moment,
      /** Last day or instant, if it lasted. */
      end: moment.optional(),
      /** IANA time zone of the place it happened (`America/Caracas`). */
      timezone: timeZone,
    }),
    /** Countries affected, ISO 3166-1 alpha-2. */
    countries: z.array(country).min(1),
    /** Organisations or systems targeted. */
    targets: z
      .array(
        z.strictObject({
          /** Name of the target. */
          name: z.string().min(1),
          /** Sector (government, elections, media, …). */
          sector: z.string().min(1),
        }),
      )
      .default([]),
    /** What kind of incident it was. */
    types: z.array(z.enum(incidentTypes)).min(1),
    /** How far it is established. */
    status: z.enum(incidentStatuses),
    /** Who blamed whom, and the authors' own assessment. */
    attribution: z
      .strictObject({
        /** Claims of responsibility or blame: `by` blames `to`. */
        claimed: z
          .array(
            z.strictObject({
              /** Who made the attribution. */
              by: z.string().min(1),
              /** Whom they blamed. */
              to: z.string().min(1),
            }),
          )
          .default([]),
        /** The authors' own assessment, if any. */
        assessed: z.string().optional(),
      })
      .default({ claimed: [] }),
    /** Authors of the write-up, as they want to be cited: persons, groups or both. */
    authors: z.array(author).min(1),
    /** First publication day. */
    published: day,
    /** Last substantive update. */
    updated: day.optional(),
    /** What changed, by day. */
    revisions: z
      .array(
        z.strictObject({
          /** Day of the revision. */
          date: day,
          /** What changed. */
          note: z.string().min(1),
        }),
      )
      .default([]),
    /** Free tags. */
    tags: z.array(z.string().min(1)).default([]),
    /**
     * Old ids (`2024-old-name`) or old page paths (`/incidents/2024-old-name/`) of this incident,
     * redirected here. Nothing else: a redirect page is written at each, inside the site.
     */
    redirect_from: z.array(oldIncident).default([]),
  })
  .superRefine((incident, context) => {
    const start = Date.parse(incident.period.start);
    const end = incident.period.end === undefined ? Number.NaN : Date.parse(incident.period.end);
    if (!Number.isNaN(end) && end < start) {
      context.addIssue({
        code: "custom",
        path: ["period", "end"],
        message: `ends (${incident.period.end}) before it starts (${incident.period.start})`,
      });
    }
    if (incident.updated !== undefined && incident.updated < incident.published) {
      context.addIssue({
        code: "custom",
        path: ["updated"],
        message: `updated (${incident.updated}) is before published (${incident.published})`,
      });
    }
  });

/** A validated incident's frontmatter. */
export type Incident = z.output<typeof incidentSchema>;

/** One author as the frontmatter gives it: a name to parse, a group, or a person in parts. */
export type Author = z.output<typeof author>;

/** The incident id pattern (also the file name and URL segment). */
export const incidentId = id;
