import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkDataFile } from "../charts/data.ts";
import {
  CasefileError,
  inFile,
  isCasefileError,
  problemsOf,
  type CasefileProblem,
} from "../errors.ts";
import { knownIds } from "./references.ts";
import { didYouMean } from "./suggest.ts";
import { sitePaths } from "./load.ts";
import { append } from "../arrays.ts";

/** Files in an incident's data folder that are data for charts and downloads, sorted. */
export function incidentDataFiles(root: string, incidentId: string): string[] {
  const folder = join(root, sitePaths.incidentData, incidentId);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isFile() &&
        /\.(csv|tsv|json|ya?ml)$/i.test(entry.name) &&
        !entry.name.startsWith("."),
    )
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads a data file named relative to an incident's data folder. A missing file, or a name that
 * tries to leave the folder, is an author error naming `from` (the MDX file) and the chart.
 */
export function readIncidentDataFile(
  root: string,
  incidentId: string,
  name: string,
  from: { file: string; label: string },
): { file: string; text: string } {
  const file = `${sitePaths.incidentData}/${incidentId}/${name}`;
  const available = incidentDataFiles(root, incidentId);
  if (!available.includes(name)) {
    throw new CasefileError({
      file: from.file,
      field: `Chart "${from.label}"`,
      message: `data file "${file}" not found (available: ${knownIds(available, name)})`,
      hint: `${didYouMean(name, available)}name a CSV, JSON or YAML file in ${sitePaths.incidentData}/${incidentId}/`,
    });
  }
  return { file, text: readFileSync(join(root, file), "utf8") };
}

/**
 * The characters a data file's name may hold. Each data file is published at
 * `/incidents/<id>/data/<name>` and linked under its chart, so a name must be its own address:
 * `#`, `?`, `%` or a space would need encoding in every link (and break the ones that forget).
 */
const safeName = /^[A-Za-z0-9._-]+$/;

/** The problem with a data file's name, if it holds characters outside `safeName`. */
function unsafeName(file: string, name: string): CasefileProblem | undefined {
  if (safeName.test(name)) return undefined;
  const characters = [...new Set(name.replace(/[A-Za-z0-9._-]/g, ""))]
    .map((character) => (character === " " ? "a space" : `"${character}"`))
    .join(", ");
  return {
    file,
    message: `data file name "${name}" holds ${characters}, which a link cannot carry as written`,
    hint: 'name data files with letters (A–Z, a–z), digits, "-", "_" and "." only (e.g. raid-casualties.csv): the name is the file\'s download address',
  };
}

/** Files of a data folder that are not chart data: they have their own schemas. */
const ownSchemaFiles = new Set(["sources.yaml", "events.csv"]);

/**
 * Checks every chart data file of the given incidents as a chart would read it (CSV, TSV, JSON,
 * YAML), so that a bad file is reported by `npm run check` before any page is built, without
 * keeping its table (see `checkDataFile`): a large file no chart draws costs little memory. A data
 * file whose name a link cannot carry as written is a problem too.
 */
export function checkDataFiles(root: string, incidentIds: readonly string[]): CasefileProblem[] {
  const problems: CasefileProblem[] = [];
  for (const id of incidentIds) {
    for (const name of incidentDataFiles(root, id)) {
      const file = `${sitePaths.incidentData}/${id}/${name}`;
      const badName = unsafeName(file, name);
      if (badName) problems.push(badName);
      if (ownSchemaFiles.has(name)) continue;
      try {
        inFile(file, () => checkDataFile(name, readFileSync(join(root, file), "utf8"), file));
      } catch (error) {
        if (!isCasefileError(error)) throw error;
        append(problems, problemsOf(error));
      }
    }
  }
  return problems;
}
