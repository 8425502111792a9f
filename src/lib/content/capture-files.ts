/**
 * The files an incident publishes for its captures: the extracted text of each, always, and the
 * original file when the site says so (`publish_original_captures` in casefile.config.yaml, off by default, since a site
 * may not have the right to republish what it captured). Their URLs follow the capture's path, so
 * they are stable; an original a browser would run (a saved page) is published with `.bin` added,
 * so that it downloads instead of opening as a page of the site.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { insideFolder } from "../safe-path.ts";
import { sitePaths } from "./load.ts";

/** Extensions of originals published under their own name: files a browser shows but never runs. */
const inertExtensions = new Set([
  "txt",
  "pdf",
  "wacz",
  "warc",
  "gz",
  "csv",
  "json",
  "png",
  "jpg",
  "jpeg",
  "gif",
  "webp",
]);

/** A capture's published files, as paths under the incident's folder of the output. */
export interface CaptureFiles {
  /** The capture's path under data/archives/. */
  capture: string;
  /** The extracted text: `captures/text/<capture>.txt`. */
  text: string;
  /** The original, when published: `captures/original/<capture>` (`.bin` added if a browser would run it). */
  original?: { file: string; sha256: string; bytes: number } | undefined;
}

/** The path of the extracted text of a capture, under the incident's folder. */
function captureTextFile(capture: string): string {
  return `captures/text/${capture}.txt`;
}

/** The path of the original of a capture, under the incident's folder. */
export function captureOriginalFile(capture: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(capture)?.[1]?.toLowerCase() ?? "";
  return `captures/original/${capture}${inertExtensions.has(extension) ? "" : ".bin"}`;
}

/** The absolute path of a capture (given relative to data/archives/), through the path gate. */
export function captureSource(root: string, capture: string, where: string): string {
  return insideFolder(join(root, sitePaths.archives), capture, sitePaths.archives, { file: where });
}

/** The published files of an incident's captures (originals hashed when they are published). */
export function captureFiles(
  root: string,
  captures: readonly string[],
  originals: boolean,
  where: string,
): CaptureFiles[] {
  return [...new Set(captures)].sort().map((capture) => {
    if (!originals) return { capture, text: captureTextFile(capture) };
    const bytes = readFileSync(captureSource(root, capture, where));
    return {
      capture,
      text: captureTextFile(capture),
      original: {
        file: captureOriginalFile(capture),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        bytes: bytes.byteLength,
      },
    };
  });
}
