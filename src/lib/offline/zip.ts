import { zipSync, type Zippable } from "fflate";

/**
 * A fixed modification time for every entry. fflate writes DOS times from the local-time fields
 * of the date, so a date built from local fields gives the same bytes in every time zone.
 */
const fixedTime = new Date(2000, 0, 1, 0, 0, 0);

/** A deterministic zip: entries sorted by path under one top folder, fixed times, fixed level. */
export function deterministicZip(
  files: ReadonlyMap<string, Uint8Array>,
  folder: string,
): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    entries[`${folder}/${name}`] = [files.get(name)!, { mtime: fixedTime }];
  }
  return zipSync(entries, { level: 6, mtime: fixedTime });
}
