import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CasefileError } from "../../src/lib/errors.ts";
import { insideFolder, unsafePathReason } from "../../src/lib/safe-path.ts";

const folder = mkdtempSync(join(tmpdir(), "safe-path-"));

describe("insideFolder", () => {
  it.each(["a.txt", "a/b.txt", "2024-x/capture.html", "dots.in.name.txt", "é/ü.txt"])(
    "resolves the plain path %s inside the folder",
    (path) => {
      expect(unsafePathReason(path)).toBeUndefined();
      expect(insideFolder(folder, path, "the folder", { file: "f" })).toBe(join(folder, path));
    },
  );

  it.each([
    ["", "the path is empty"],
    ["/etc/passwd", "the path is absolute"],
    ["../x", 'the path has a ".." segment'],
    ["a/../../x", 'the path has a ".." segment'],
    ["./a.txt", 'the path has a "." segment'],
    ["a//b.txt", "the path has an empty segment (//)"],
    ["a/", "the path has an empty segment (//)"],
    ["a\\..\\..\\x", "the path holds a backslash"],
    ["%2e%2e/x", "the path holds a percent sign (an escaped character)"],
    ["a\u0000.txt", "the path holds a control character"],
    ["a\nb", "the path holds a control character"],
  ])("refuses %j: %s", (path, reason) => {
    expect(unsafePathReason(path)).toBe(reason);
    expect(() =>
      insideFolder(folder, path, "data/archives", { file: "sources.yaml", field: "captures[0]" }),
    ).toThrow(CasefileError);
    expect(() => insideFolder(folder, path, "data/archives", { file: "sources.yaml" })).toThrow(
      `is not a plain path inside data/archives: ${reason}`,
    );
  });
});
