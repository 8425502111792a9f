import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "./build-site.ts";

/** The Nu HTML Checker's jar, as the vnu-jar package exports its path. */
const vnuJar = String(createRequire(import.meta.url)("vnu-jar"));

/**
 * True when Java runs. Without it the HTML checks are skipped with a notice — except on CI
 * (`CI=true`), where a missing Java fails the run instead of passing silently.
 */
export function javaAvailable(): boolean {
  if (spawnSync("java", ["-version"], { stdio: "ignore" }).status === 0) return true;
  if (process.env["CI"] === "true")
    throw new Error("the HTML checks need Java to run the Nu HTML Checker (CI=true)");
  console.warn(
    "\n  SKIPPED: the HTML checks need Java for the Nu HTML Checker (apt-get install default-jre-headless)\n",
  );
  return false;
}

/**
 * Runs the Nu HTML Checker on every HTML file of a built folder: the files checked, and each error
 * as `file:line: message`.
 */
export function htmlErrors(folder: string): { files: string[]; errors: string[] } {
  const files = listFiles(folder).filter((file) => file.endsWith(".html"));
  const run = spawnSync(
    "java",
    ["-jar", vnuJar, "--errors-only", "--format", "json", "--stdout", ...files],
    { cwd: folder, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.error !== undefined) throw run.error;
  if (run.stdout.trim() === "") throw new Error(`the Nu HTML Checker failed:\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    messages: { type: string; url?: string; lastLine?: number; message: string }[];
  };
  const errors = report.messages
    .filter((message) => message.type !== "info")
    .map(
      (message) =>
        `${message.url === undefined ? "?" : relative(folder, fileURLToPath(message.url))}:${message.lastLine ?? "?"}: ${message.message}`,
    );
  return { files, errors };
}
