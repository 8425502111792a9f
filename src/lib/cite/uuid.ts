import { createHash } from "node:crypto";

/** The RFC 9562 namespace for URLs, from which Casefile's own namespace is derived. */
export const urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** Parses a UUID's 16 bytes from its hex text. */
function uuidBytes(uuid: string): Buffer {
  const hex = uuid.replaceAll("-", "");
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`"${uuid}" is not a UUID`);
  return Buffer.from(hex, "hex");
}

/** A name-based UUID, version 5 (SHA-1), as RFC 9562 §5.5 defines it: same inputs, same UUID. */
export function uuidV5(namespace: string, name: string): string {
  const digest = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Casefile's namespace for STIX ids: `uuidV5(urlNamespace, "casefile:stix")`, fixed forever. */
export const casefileNamespace = "1c8dab72-3a9e-5a42-95dd-4966f51b11d9";
