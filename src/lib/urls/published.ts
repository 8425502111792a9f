/**
 * Which output files are published URLs that the lock protects: pages (as their directory paths)
 * and stable files (data downloads, exports, citation files, feeds). Hashed assets and search
 * fragments change with every content change by design and are not cited.
 */
const unlocked = [/^_astro\//, /^pagefind\//, /^[^/]*\.js$/, /^[^/]*\.js\.map$/];

/** The published site path of an output file (`incidents/x/index.html` → `/incidents/x/`), or undefined. */
function publishedPath(file: string): string | undefined {
  if (unlocked.some((pattern) => pattern.test(file))) return undefined;
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}

/** The published paths of a list of output files, sorted. */
export function publishedPaths(files: readonly string[]): string[] {
  return files
    .map(publishedPath)
    .filter((path): path is string => path !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The output file that serves a published path (`/incidents/x/` → `incidents/x/index.html`). */
export function outputFile(path: string): string {
  return path.endsWith("/") ? `${path.slice(1)}index.html` : path.slice(1);
}
