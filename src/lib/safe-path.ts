/**
 * The one gate for paths that come from the site's content (a capture listed in sources.yaml, a
 * line of urls.lock, a redirect, a data file's name): a path is used only as a plain relative path
 * that stays inside its folder. Every file Casefile reads or writes under a name it did not make
 * itself goes through `insideFolder`.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import { CasefileError, type CasefileProblem } from "./errors.ts";

/**
 * Why `path` is not a plain relative path (`a/b.txt`), or undefined when it is one: no leading
 * `/`, no `.` or `..` segment, no empty segment (`a//b`), no backslash, percent-escape or control
 * character. Such paths could name another file than the one they seem to, or a file outside.
 */
export function unsafePathReason(path: string): string | undefined {
  if (path === "") return "the path is empty";
  if (path.startsWith("/") || isAbsolute(path)) return "the path is absolute";
  if (/[\u0000-\u001f\u007f]/.test(path)) return "the path holds a control character";
  if (path.includes("\\")) return "the path holds a backslash";
  if (path.includes("%")) return "the path holds a percent sign (an escaped character)";
  for (const segment of path.split("/")) {
    if (segment === "") return "the path has an empty segment (//)";
    if (segment === "." || segment === "..") return `the path has a "${segment}" segment`;
  }
  return undefined;
}

/**
 * The absolute path of `path` inside `folder` (named `label` in the message, e.g. "data/archives").
 * A path that is not plain (see `unsafePathReason`) or that resolves outside `folder` is an author
 * error located at `where`.
 */
export function insideFolder(
  folder: string,
  path: string,
  label: string,
  where: Omit<CasefileProblem, "message" | "hint">,
): string {
  const reason = unsafePathReason(path);
  const resolved = resolve(folder, path);
  const inside = relative(folder, resolved);
  if (reason === undefined && inside !== "" && !inside.startsWith(`..${sep}`) && inside !== "..")
    return resolved;
  throw new CasefileError({
    ...where,
    message: `"${path}" is not a plain path inside ${label}: ${reason ?? "it leads outside"}`,
    hint: "write a relative path with forward slashes, e.g. folder/file.txt, without ./, ../, // or %",
  });
}
