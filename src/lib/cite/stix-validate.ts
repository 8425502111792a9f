import { append } from "../arrays.ts";

/** A UUIDv5 in lower-case hex, as Casefile's STIX ids carry. */
const uuidV5Pattern = "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

/** A STIX identifier: `<type>--<UUIDv5>`. */
const idPattern = new RegExp(`^([a-z0-9-]+)--${uuidV5Pattern}$`);

/** An RFC 3339 timestamp in UTC, as STIX requires. */
const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** STIX 2.1 `opinion-enum`. */
const opinions = new Set(["strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"]);

/** One required property: its name and the test its value must pass. */
interface Requirement {
  /** Property name. */
  property: string;
  /** What a valid value is, for the problem message. */
  expect: string;
  /** True for a valid value. */
  test: (value: unknown) => boolean;
}

const nonEmptyString = (value: unknown): boolean => typeof value === "string" && value.length > 0;
const nonEmptyList = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
const timestamp = (value: unknown): boolean =>
  typeof value === "string" && timestampPattern.test(value);

/**
 * Required properties per object type (STIX 2.1 §4–§5). `identity_class` is optional in 2.1;
 * Casefile always sets it, so it is checked too.
 */
const requiredByType: Record<string, Requirement[]> = {
  report: [
    { property: "name", expect: "a non-empty string", test: nonEmptyString },
    { property: "published", expect: "an RFC 3339 UTC timestamp", test: timestamp },
    { property: "object_refs", expect: "a non-empty list", test: nonEmptyList },
  ],
  identity: [
    { property: "name", expect: "a non-empty string", test: nonEmptyString },
    { property: "identity_class", expect: "a non-empty string", test: nonEmptyString },
  ],
  "attack-pattern": [{ property: "name", expect: "a non-empty string", test: nonEmptyString }],
  note: [
    { property: "content", expect: "a non-empty string", test: nonEmptyString },
    { property: "object_refs", expect: "a non-empty list", test: nonEmptyList },
  ],
  opinion: [
    {
      property: "opinion",
      expect: "one of the opinion-enum values",
      test: (value) => typeof value === "string" && opinions.has(value),
    },
    { property: "object_refs", expect: "a non-empty list", test: nonEmptyList },
  ],
  relationship: [
    { property: "relationship_type", expect: "a non-empty string", test: nonEmptyString },
    { property: "source_ref", expect: "an identifier", test: nonEmptyString },
    { property: "target_ref", expect: "an identifier", test: nonEmptyString },
  ],
};

/** True for a plain object. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Problems with one external reference (`source_name` and one of url, description, external_id). */
function referenceProblems(where: string, references: unknown): string[] {
  if (!Array.isArray(references)) return [`${where}: external_references must be a list`];
  return references.flatMap((reference, index) => {
    if (!isRecord(reference) || !nonEmptyString(reference["source_name"])) {
      return [`${where}: external_references[${index}] needs a source_name`];
    }
    const said = ["url", "description", "external_id"].some((key) =>
      nonEmptyString(reference[key]),
    );
    return said
      ? []
      : [`${where}: external_references[${index}] needs a url, description or external_id`];
  });
}

/** Problems with one object's common properties and the required properties of its type. */
function objectProblems(object: Record<string, unknown>, index: number): string[] {
  const problems: string[] = [];
  const type = object["type"];
  const id = object["id"];
  const where = `objects[${index}]${typeof id === "string" ? ` (${id})` : ""}`;
  if (!nonEmptyString(type)) problems.push(`${where}: type is missing`);
  const match = typeof id === "string" ? idPattern.exec(id) : null;
  if (match === null) problems.push(`${where}: id is not <type>--<UUIDv5>`);
  else if (match[1] !== type)
    problems.push(`${where}: id prefix "${match[1]}" does not match type "${String(type)}"`);
  if (object["spec_version"] !== "2.1") problems.push(`${where}: spec_version must be "2.1"`);
  for (const property of ["created", "modified"]) {
    if (!timestamp(object[property]))
      problems.push(`${where}: ${property} must be an RFC 3339 UTC timestamp`);
  }
  if (
    timestamp(object["created"]) &&
    timestamp(object["modified"]) &&
    String(object["modified"]) < String(object["created"])
  ) {
    problems.push(`${where}: modified is before created`);
  }
  for (const requirement of requiredByType[String(type)] ?? []) {
    if (!requirement.test(object[requirement.property]))
      problems.push(`${where}: ${requirement.property} must be ${requirement.expect}`);
  }
  if (object["external_references"] !== undefined)
    append(problems, referenceProblems(where, object["external_references"]));
  return problems;
}

/** Problems with the `*_ref` and `*_refs` properties of one object that point outside the bundle. */
function referenceTargets(
  object: Record<string, unknown>,
  index: number,
  ids: Set<string>,
): string[] {
  const where = `objects[${index}] (${String(object["id"])})`;
  return Object.entries(object).flatMap(([property, value]) => {
    if (property.endsWith("_ref")) {
      return typeof value === "string" && ids.has(value)
        ? []
        : [`${where}: ${property} ${String(value)} is not in the bundle`];
    }
    if (property.endsWith("_refs")) {
      if (!Array.isArray(value)) return [`${where}: ${property} must be a list`];
      return value
        .filter((ref) => typeof ref !== "string" || !ids.has(ref))
        .map((ref) => `${where}: ${property} ${String(ref)} is not in the bundle`);
    }
    return [];
  });
}

/**
 * Checks a STIX 2.1 bundle as Casefile writes it: common and per-type required properties,
 * `<type>--<UUIDv5>` ids, unique ids, and that every reference points at an object in the bundle.
 * Returns the problems found, empty when valid.
 */
export function validateStix(bundle: unknown): string[] {
  if (!isRecord(bundle)) return ["bundle is not an object"];
  const problems: string[] = [];
  if (bundle["type"] !== "bundle") problems.push('bundle: type must be "bundle"');
  const bundleId = bundle["id"];
  const bundleMatch = typeof bundleId === "string" ? idPattern.exec(bundleId) : null;
  if (bundleMatch?.[1] !== "bundle") problems.push("bundle: id is not bundle--<UUIDv5>");
  const objects = bundle["objects"];
  if (!Array.isArray(objects) || objects.length === 0)
    return [...problems, "bundle: objects must be a non-empty list"];
  const records = objects.filter(isRecord);
  if (records.length !== objects.length)
    problems.push("bundle: every object must be a JSON object");
  const ids = new Set<string>();
  records.forEach((object, index) => {
    const id = object["id"];
    if (typeof id !== "string") return;
    if (ids.has(id)) problems.push(`objects[${index}]: duplicate id ${id}`);
    ids.add(id);
  });
  records.forEach((object, index) => {
    append(problems, objectProblems(object, index));
    append(problems, referenceTargets(object, index, ids));
  });
  return problems;
}
