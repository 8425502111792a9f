import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Copies a fixture site to a fresh temporary folder and returns its path. */
export function copySite(fixture: string): string {
  const root = mkdtempSync(join(tmpdir(), "casefile-site-"));
  // Not the caches a build of the fixture in place may have left in its node_modules.
  cpSync(fixture, root, {
    recursive: true,
    filter: (source) => !source.slice(fixture.length).includes("node_modules"),
  });
  return root;
}

/** Replaces text in a file of a copied site; fails loudly if the text is not there. */
export function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, "utf8");
  const next = text.replace(from, to);
  if (next === text) throw new Error(`edit: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

/** The minimal valid fixture site. */
export const minimalSite = new URL("../fixtures/sites/minimal/", import.meta.url).pathname;

/** Copies the engine's sample site (samples/: content, data, urls.lock, settings) to a temporary folder. */
export function copySampleSite(): string {
  const root = mkdtempSync(join(tmpdir(), "casefile-sample-"));
  cpSync(new URL("../../samples/", import.meta.url).pathname, root, { recursive: true });
  return root;
}
