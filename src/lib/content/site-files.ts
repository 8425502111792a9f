/**
 * What the site's folders hold, read without following symbolic links. A link can point anywhere on
 * the machine that builds the site (a CI runner's own files), so Casefile never follows one: a link
 * in content/, data/ or public/ is an author error, and listings never descend through one.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { CasefileProblem } from "../errors.ts";

/** A folder's contents, recursively, as paths relative to it with forward slashes, sorted. */
interface FolderContents {
  /** Regular files. */
  files: string[];
  /** Symbolic links (to files or folders), not followed. */
  links: string[];
}

/** Lists a folder recursively without following links; a missing folder holds nothing. */
export function folderContents(folder: string): FolderContents {
  const contents: FolderContents = { files: [], links: [] };
  const visit = (relative: string) => {
    for (const entry of readdirSync(join(folder, relative), { withFileTypes: true })) {
      const path = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) contents.links.push(path);
      else if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) contents.files.push(path);
    }
  };
  if (existsSync(folder)) visit("");
  contents.files.sort();
  contents.links.sort();
  return contents;
}

/** The folders of a site that are published or read from. */
const siteFolders = ["content", "data", "public"] as const;

/** One problem per symbolic link in the site's content/, data/ and public/ folders. */
export function linkProblems(root: string): CasefileProblem[] {
  return siteFolders.flatMap((folder) =>
    folderContents(join(root, folder)).links.map((link) => ({
      file: `${folder}/${link}`,
      message: "is a symbolic link, which Casefile does not follow",
      hint: "copy the file or folder into the site instead of linking it: a link can reach files outside the site (on a build server, its own)",
    })),
  );
}
