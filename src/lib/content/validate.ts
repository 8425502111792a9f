import type { z } from "zod";
import type { CasefileProblem } from "../errors.ts";
import { closestNames, didYouMean } from "./suggest.ts";

/** Formats a path like `["sources", 2, "outlet"]` as `sources[2].outlet`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join("");
}

/**
 * Hints by field name: what a correct value looks like. Looked up by the last key of an issue's
 * path, which can be an author's key (a stance's source id such as `constructor`): a map, so that
 * no key finds a property of `Object.prototype`.
 */
const fieldHints = new Map<string, string>(
  Object.entries({
    published: "write the day as YYYY-MM-DD, quoted",
    updated: "write the day as YYYY-MM-DD, quoted",
    date: "write the day as YYYY-MM-DD, quoted",
    start: "write e.g. 2024-07-28 or 2024-07-28T11:29:00-04:00",
    end: "write e.g. 2024-07-28 or 2024-07-28T11:29:00-04:00, not before the start",
    time: "write a day, e.g. 2024-08-03, or a time with its UTC offset, e.g. 2024-07-28T11:29:00-04:00",
    countries: "use ISO 3166-1 alpha-2 codes such as VE or BO",
    authors:
      "write a name (Ana María Pérez, or Pérez González, Ana María), { group: Team name } for a group, or { given: Ana María, family: Pérez González }",
    timezone: "use an IANA name such as America/Caracas",
    redirect_from:
      "write the old id (2024-old-name) or the old page's path (/incidents/2024-old-name/), without domain or base path; the files beneath an old page redirect with it",
    id: "ids are lowercase words joined by hyphens, e.g. team-cymru",
    url: "write the full address, starting with https://",
    archived_url: "write the full address, starting with https://",
    homepage: "write the full address, starting with https://",
    captures: "capture paths are relative to data/archives/",
    reliability:
      "A completely reliable, B usually, C fairly, D not usually, E unreliable, F cannot be judged",
    credibility:
      "1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged",
    language: "write a language tag such as en, es or pt-BR",
    base: "write the path the site lives under, such as /repository/, or / for the root",
    contact: "write an email address, or a web address starting with https://",
  }),
);

/** Hints by expected type, for fields without a hint of their own. */
const typeHints = new Map<string, string>(
  Object.entries({
    string: "write one text value (quote it if it contains a colon, # or brackets)",
    number: "write a plain number",
    array: 'write a list: [a, b] on one line, or one "- item" per line',
    object: 'write a mapping: one "field: value" per line, indented under this field',
  }),
);

/** Describes a YAML value briefly for an error message. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the text "${value}"`;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** Turns one zod issue into an author-facing problem (without file and line). */
function problemOf(
  issue: z.core.$ZodIssue,
  fields: readonly string[] = [],
): Omit<CasefileProblem, "file"> {
  const path = issue.path;
  const last = path[path.length - 1];
  const name =
    typeof last === "string"
      ? last
      : typeof path[path.length - 2] === "string"
        ? String(path[path.length - 2])
        : "";
  const hint = fieldHints.get(name);
  const field = fieldPath(path);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) {
        return {
          field,
          message: `missing required field "${String(last)}"`,
          hint: hint ?? `add ${String(last)}: to this entry`,
        };
      }
      return {
        field,
        message: `expected ${issue.expected}, got ${describe(issue.input)}`,
        hint: hint ?? typeHints.get(issue.expected),
      };
    case "invalid_value":
      return {
        field,
        message: `unknown value ${JSON.stringify(issue.input)} (expected one of: ${issue.values.map(String).join(", ")})`,
        hint,
      };
    case "unrecognized_keys": {
      const keys = issue.keys.map((key) => `"${key}"`).join(", ");
      return {
        field: fieldPath([...path, issue.keys[0] ?? ""]),
        message: `unknown field${issue.keys.length > 1 ? "s" : ""} ${keys}`,
        hint: `${didYouMean(issue.keys[0] ?? "", fields)}check the spelling; the fields are listed in the README`,
      };
    }
    case "too_small":
      return {
        field,
        message:
          issue.origin === "array"
            ? `needs at least ${String(issue.minimum)} value`
            : "must not be empty",
        hint,
      };
    case "invalid_key":
      return {
        field,
        message: `key "${String(last)}" ${issue.issues[0]?.message ?? "is not allowed"}`,
        hint: fieldHints.get("id"),
      };
    case "invalid_format":
      return { field, message: issue.message, hint };
    default:
      return { field, message: issue.message, hint };
  }
}

/**
 * Validates data against a schema. On failure returns every problem, each located on the line
 * `lineOf` finds for its path.
 */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): { ok: true; value: z.output<Schema> } | { ok: false; problems: CasefileProblem[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  // A misspelt field is also a missing one: report it once, as the unknown field with its fix.
  const misspelt = new Set(
    result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.flatMap((key) =>
            closestNames(key, fieldsAt(schema, issue.path))
              .slice(0, 1)
              .map((field) => fieldPath([...issue.path, field])),
          )
        : [],
    ),
  );
  const issues = result.error.issues.filter(
    (issue) =>
      !(
        issue.code === "invalid_type" &&
        issue.input === undefined &&
        misspelt.has(fieldPath(issue.path))
      ),
  );
  return {
    ok: false,
    problems: issues.map((issue) => ({
      file,
      line: lineOf(
        issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0] ?? ""] : issue.path,
      ),
      ...problemOf(issue, fieldsAt(schema, issue.path)),
    })),
  };
}

/** The inner schema of a zod wrapper (optional, default, nullable, pipe), or undefined. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = schema._zod.def as { innerType?: z.core.$ZodType; in?: z.core.$ZodType };
  return def.innerType ?? def.in;
}

/**
 * The field names an object schema at `path` inside `schema` allows, for "did you mean …" on an
 * unknown field; none when the path leads elsewhere.
 */
function fieldsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType | undefined = schema;
  let index = 0;
  while (current) {
    const def = current._zod.def as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      element?: z.core.$ZodType;
    };
    if (index === path.length) {
      // A schema with a transform (a source's) holds its object one step in.
      if (def.shape) return Object.keys(def.shape);
      current = unwrap(current);
      continue;
    }
    const key = path[index];
    if (def.type === "object" && def.shape && typeof key === "string") {
      current = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
      index++;
    } else if (def.type === "array" && def.element && typeof key === "number") {
      current = def.element;
      index++;
    } else current = unwrap(current);
  }
  return [];
}
