import { resolve } from "node:path";

/**
 * The folder that holds the researchers' `content/` and `data/`: the project itself unless
 * `CASEFILE_SITE` names another (the tests and benchmarks build fixture sites this way).
 */
export function siteRoot(): string {
  return resolve(process.env["CASEFILE_SITE"] || ".");
}
