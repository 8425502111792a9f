/**
 * Stable digests of plain data, for cache keys: the same value gives the same digest in every
 * process, whatever the order its object keys were written in.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * JSON with object keys sorted and the values JSON would drop or flatten spelled out: a Map as its
 * entries, a Set as its items, bytes as their SHA-256, `undefined` inside arrays kept apart from
 * `null`. Functions are refused: their behaviour is not in their text (closures), so a digest of
 * one could match two different results.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof Map) return { "@map": [...item.entries()] };
    if (item instanceof Set) return { "@set": [...item] };
    if (item instanceof Uint8Array) return { "@bytes": bytesDigest(item) };
    if (typeof item === "bigint") return { "@bigint": item.toString() };
    if (typeof item === "function") throw new TypeError("stableJson: cannot digest a function");
    if (item === undefined) return { "@undefined": true };
    if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      // JSON.stringify has already called any toJSON (a Date is its ISO text by now).
      const record = item as Record<string, unknown>;
      // No prototype: a key `__proto__` is a key like any other, not the prototype's setter.
      const sorted = Object.create(null) as Record<string, unknown>;
      for (const key of Object.keys(record).sort()) {
        if (record[key] !== undefined) sorted[key] = record[key];
      }
      return sorted;
    }
    return item;
  });
}

/** The SHA-256 (hex) of some bytes or text. */
export function bytesDigest(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The SHA-256 (hex) of values, each as `stableJson`; the parts are kept apart, not concatenated. */
export function digest(...parts: readonly unknown[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(stableJson(part)).update("\0");
  return hash.digest("hex");
}

/**
 * The digest of source files: every file under each of `paths` (folders or files, relative to
 * `root`), by path and content. A version for caches of what that code produces, so that editing
 * the code invalidates them without anybody remembering to bump a number.
 */
export function sourceDigest(root: string, paths: readonly string[]): string {
  const files = paths.flatMap((path) => {
    const full = join(root, path);
    return statSync(full).isDirectory()
      ? readdirSync(full, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
      : [full];
  });
  return digest(
    files
      .sort()
      .map((file) => [relative(root, file).split("\\").join("/"), bytesDigest(readFileSync(file))]),
  );
}
