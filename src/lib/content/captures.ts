import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { CaptureInput } from "../archive/index.ts";
import { sitePaths } from "./load.ts";

/** Capture files under data/archives/ as site-relative paths, sorted; dotfiles skipped. */
export function listCaptures(root: string): string[] {
  const folder = join(root, sitePaths.archives);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !relative(folder, join(entry.parentPath, entry.name)).split(/[\\/]/).some((part) => part.startsWith(".")))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

/** Reads every capture as bytes, labelled by its site-relative path. */
export function readCaptures(root: string): CaptureInput[] {
  return listCaptures(root).map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(root, file))) }));
}
