/** Shared helpers for the archive tests: reading fixtures as capture inputs. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { CaptureInput } from "../../../src/lib/archive/index.ts";

/** The archive fixtures folder, relative to the project root. */
const FIXTURES = "tests/fixtures/archive";

/** Reads fixture files or folders (recursively, sorted) as capture inputs labelled by path. */
export function fixtures(...paths: string[]): CaptureInput[] {
  const collect = (path: string): string[] =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .sort()
          .flatMap((name) => collect(join(path, name)))
      : [path];
  return paths
    .flatMap((path) => collect(join(FIXTURES, path)))
    .map((file) => ({ file, bytes: readFileSync(file) }));
}

/**
 * Every capture fixture a format reads: text, saved pages, MHTML, WARC, WACZ and PDF (all but the
 * binary one); the binary ones are made by tests/fixtures/make-captures.ts.
 */
export function captureFixtures(): CaptureInput[] {
  return fixtures(".").filter((input) => !input.file.endsWith(".bin"));
}
