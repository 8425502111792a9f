import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { extractCapture } from "../archive/formats/index.ts";
import { readSidecars } from "../archive/provenance.ts";
import type { CaptureInput } from "../archive/index.ts";
import { inFile, isCasefileError, problemsOf, type CasefileProblem } from "../errors.ts";
import { sitePaths } from "./load.ts";
import { folderContents } from "./site-files.ts";
import { append } from "../arrays.ts";

/**
 * Capture files under data/archives/ as site-relative paths, sorted; dotfiles and dot-folders
 * skipped, symbolic links never followed (`linkProblems` reports them).
 */
export function listCaptures(root: string): string[] {
  return folderContents(join(root, sitePaths.archives))
    .files.filter((path) => !path.split("/").some((part) => part.startsWith(".")))
    .map((path) => `${sitePaths.archives}/${path}`);
}

/** Reads every capture as bytes, labelled by its site-relative path. */
export function readCaptures(root: string): CaptureInput[] {
  return listCaptures(root).map((file) => ({
    file,
    bytes: new Uint8Array(readFileSync(join(root, file))),
  }));
}

/** The largest capture the archive engine accepts: a capture is the text of one page, not a dump. */
export const maxCaptureBytes = 20_000_000;

/**
 * Checks that every capture can be archived: not larger than `maxCaptureBytes`, in a capture
 * format the engine reads (see `archive/formats/`), and within its lines' length and number (see
 * `captureLimits`), and that no sidecar beside a capture gives it another SHA-256. Returns one
 * problem per bad capture.
 * Given the captures read already (`digestCaptures`), checks those bytes instead of reading again.
 */
export function checkCaptures(root: string, read?: readonly CaptureInput[]): CasefileProblem[] {
  const problems: CasefileProblem[] = [];
  const inputs: CaptureInput[] = [];
  const captures =
    read ??
    listCaptures(root).map((file) => ({ file, bytes: undefined as Uint8Array | undefined }));
  for (const { file, bytes } of captures) {
    const size = bytes?.byteLength ?? statSync(join(root, file)).size;
    if (size > maxCaptureBytes) {
      problems.push({
        file,
        message: `capture is ${(size / 1_000_000).toFixed(1)} MB, more than the ${maxCaptureBytes / 1_000_000} MB one capture may hold`,
        hint: "a capture is the text of one page: split it into one file per page, or move data dumps out of data/archives/",
      });
      continue;
    }
    const input = { file, bytes: bytes ?? new Uint8Array(readFileSync(join(root, file))) };
    inputs.push(input);
    try {
      inFile(file, () => extractCapture(input));
    } catch (error) {
      if (!isCasefileError(error)) throw error;
      append(problems, problemsOf(error));
    }
  }
  append(problems, readSidecars(inputs).problems);
  return problems;
}
