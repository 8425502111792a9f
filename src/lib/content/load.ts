import { placeholderWarnings } from "./placeholders.ts";
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { eventSchema } from "../../schemas/event.ts";
import { incidentId, incidentSchema } from "../../schemas/incident.ts";
import { outletsFileSchema } from "../../schemas/outlet.ts";
import { sourcesFileSchema } from "../../schemas/sources.ts";
import {
  CasefileErrors,
  inFile,
  isCasefileError,
  problemsOf,
  type CasefileProblem,
} from "../errors.ts";
import { readDelimited } from "./delimited.ts";
import { parseFrontmatter } from "./frontmatter.ts";
import { listCaptures } from "./captures.ts";
import { checkReferences, type CaptureCheck } from "./references.ts";
import { linkProblems } from "./site-files.ts";
import { didYouMean } from "./suggest.ts";
import type { EventEntry, IncidentEntry, SiteData } from "./site-data.ts";
import { validate } from "./validate.ts";
import { parseYamlFile, type YamlFile } from "./yaml-file.ts";
import { append } from "../arrays.ts";

/** Where authors keep things, relative to the site root. */
export const sitePaths = {
  incidents: "content/incidents",
  outlets: "data/outlets.yaml",
  incidentData: "data/incidents",
  archives: "data/archives",
} as const;

/** Runs a step, turning thrown author errors into collected problems. */
function collect<T>(problems: CasefileProblem[], step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    if (!isCasefileError(error)) throw error;
    append(problems, problemsOf(error));
    return undefined;
  }
}

/** Lists a folder's entries sorted by name, or none when it does not exist. */
function list(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).sort() : [];
}

/** The files read so far, by path, for locating fields in cross-reference problems. */
type YamlFiles = Map<string, YamlFile>;

/** Reads a YAML file through `parse`, collecting its problems; keeps it in `yamlFiles` for lines. */
function readYamlInto(
  problems: CasefileProblem[],
  yamlFiles: YamlFiles,
  file: string,
  parse: () => YamlFile,
): YamlFile | undefined {
  const yaml = collect(problems, parse);
  if (yaml) yamlFiles.set(file, yaml);
  return yaml;
}

/**
 * Reads and validates the frontmatter of every write-up under content/incidents/, collecting
 * problems and warnings; returns the valid incidents and the file name of every write-up found,
 * by id. Two write-ups for one id (`x.md` and `x.mdx`) are a problem.
 */
function readIncidents(
  root: string,
  problems: CasefileProblem[],
  warnings: CasefileProblem[],
  yamlFiles: YamlFiles,
): { incidents: IncidentEntry[]; written: Map<string, string> } {
  const incidents: IncidentEntry[] = [];
  const written = new Map<string, string>();
  for (const name of list(join(root, sitePaths.incidents))) {
    const match = /^(.+)\.mdx?$/.exec(name);
    if (!match?.[1]) continue;
    const id = match[1];
    const file = `${sitePaths.incidents}/${name}`;
    const other = written.get(id);
    if (other !== undefined) {
      // Sorted, so `x.md` comes before `x.mdx`: the problem names the Markdown one, which Astro
      // would otherwise publish in place of the MDX.
      problems.push({
        file: `${sitePaths.incidents}/${other}`,
        message: `two write-ups for incident "${id}": ${other} and ${name}`,
        hint: "keep one of them and delete the other (MDX can hold everything Markdown can)",
      });
      continue;
    }
    written.set(id, name);
    if (!incidentId.safeParse(id).success) {
      problems.push({
        file,
        message: `file name "${id}" is not a valid incident id`,
        hint: "name the file with lowercase words and hyphens, e.g. 2024-country-target-type.mdx; it becomes the URL",
      });
      continue;
    }
    inFile(file, () => {
      const yaml = readYamlInto(problems, yamlFiles, file, () =>
        parseFrontmatter(readFileSync(join(root, file), "utf8"), file),
      );
      if (!yaml) return;
      const result = validate(incidentSchema, yaml.data, file, yaml.lineOf);
      if (result.ok) {
        incidents.push({ id, file, data: result.value });
        append(warnings, placeholderWarnings(file, result.value, yaml.lineOf));
      } else append(problems, result.problems);
    });
  }
  return { incidents, written };
}

/**
 * The incidents alone (frontmatter read and validated, nothing else), for steps that need only
 * ids, titles and redirects; throws CasefileErrors if any write-up is invalid.
 */
export function loadIncidents(root: string): IncidentEntry[] {
  const problems: CasefileProblem[] = [];
  const { incidents } = readIncidents(root, problems, [], new Map());
  if (problems.length > 0) throw new CasefileErrors(problems);
  return incidents;
}

/**
 * "did you mean …" for a capture path that names none: the path without a `data/archives/` prefix,
 * the capture it names without its extension, or the closest path.
 */
function captureGuess(path: string, read: ReadonlySet<string>): string {
  const prefix = `${sitePaths.archives}/`;
  const unprefixed = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
  const guesses =
    unprefixed !== undefined && read.has(unprefixed)
      ? [unprefixed]
      : [...read].filter((file) => file.replace(/\.[^./]+$/, "") === path);
  return guesses.length > 0 ? `did you mean "${guesses[0]!}"? ` : didYouMean(path, read);
}

/**
 * Why a capture path (normalised by the schema, relative to data/archives/) names no capture that
 * the archive reads: the archive reads the files `listCaptures` lists, and a capture listed in a
 * sources file but not read would leave its source without evidence and without a word.
 */
function unreadCapture(root: string): CaptureCheck {
  const prefix = `${sitePaths.archives}/`;
  // Listed once, on the first capture path to check.
  let read: Set<string> | undefined;
  return (path) => {
    read ??= new Set(listCaptures(root).map((file) => file.slice(prefix.length)));
    if (read.has(path)) return undefined;
    const full = join(root, sitePaths.archives, path);
    const exists = existsSync(full);
    if (exists && path.split("/").some((part) => part.startsWith(".")))
      return {
        message: `capture "${path}" is in a hidden folder or file (a name starting with "."), which is not archived`,
        hint: "move or rename it so that no part of its path starts with a dot",
      };
    if (exists && lstatSync(full).isSymbolicLink())
      return {
        message: `capture "${path}" is a symbolic link, which is not archived`,
        hint: "put the file itself under data/archives/",
      };
    return {
      message: `capture "${path}" not found under data/archives/`,
      hint: `${captureGuess(path, read)}capture paths are relative to data/archives/`,
    };
  };
}

/**
 * Reads, validates and cross-checks everything under `root` (content/ and data/). Collects every
 * problem before failing, so an author sees them all at once; throws CasefileErrors if any.
 */
export function loadSiteData(root: string): SiteData {
  const problems: CasefileProblem[] = [];
  const warnings: CasefileProblem[] = [];
  const yamlFiles: YamlFiles = new Map();
  const readYaml = (file: string, parse: () => YamlFile) =>
    readYamlInto(problems, yamlFiles, file, parse);
  const { incidents, written } = readIncidents(root, problems, warnings, yamlFiles);

  let outlets: SiteData["outlets"] = [];
  if (existsSync(join(root, sitePaths.outlets))) {
    inFile(sitePaths.outlets, () => {
      const yaml = readYaml(sitePaths.outlets, () =>
        parseYamlFile(readFileSync(join(root, sitePaths.outlets), "utf8"), sitePaths.outlets),
      );
      if (!yaml) return;
      const result = validate(outletsFileSchema, yaml.data ?? [], sitePaths.outlets, yaml.lineOf);
      if (result.ok) outlets = result.value;
      else append(problems, result.problems);
    });
  } else {
    warnings.push({
      file: sitePaths.outlets,
      message: "no outlets file",
      hint: "sources name their outlet by an id from data/outlets.yaml",
    });
  }

  const sources: SiteData["sources"] = new Map();
  const events: SiteData["events"] = new Map();
  for (const id of written.keys())
    sources.set(id, {
      file: `${sitePaths.incidentData}/${id}/sources.yaml`,
      sources: [],
      claims: [],
    });
  const unchecked = new Set<string>();

  for (const id of list(join(root, sitePaths.incidentData))) {
    if (!statSync(join(root, sitePaths.incidentData, id)).isDirectory()) continue;
    const folder = `${sitePaths.incidentData}/${id}`;
    if (!written.has(id)) {
      problems.push({
        file: folder,
        message: `data folder has no incident ${sitePaths.incidents}/${id}.mdx`,
        hint: "rename the folder to match its incident's file name, or add the write-up",
      });
      continue;
    }
    const sourcesFile = `${folder}/sources.yaml`;
    if (existsSync(join(root, sourcesFile))) {
      inFile(sourcesFile, () => {
        const yaml = readYaml(sourcesFile, () =>
          parseYamlFile(readFileSync(join(root, sourcesFile), "utf8"), sourcesFile),
        );
        if (yaml) {
          const result = validate(sourcesFileSchema, yaml.data ?? {}, sourcesFile, yaml.lineOf);
          if (result.ok) sources.set(id, { file: sourcesFile, ...result.value });
          else append(problems, result.problems);
        }
      });
      if (!sources.get(id)?.sources.length) unchecked.add(id);
    }
    const eventsFile = `${folder}/events.csv`;
    if (existsSync(join(root, eventsFile)))
      inFile(eventsFile, () => {
        const csv = collect(problems, () =>
          readDelimited(readFileSync(join(root, eventsFile), "utf8"), eventsFile, ","),
        );
        const rows: EventEntry[] = [];
        const columns = csv?.columns ?? [];
        for (const record of csv?.records ?? []) {
          const values = Object.fromEntries(
            columns.map((name, index) => [name, record.fields[index] ?? ""]),
          );
          const result = validate(eventSchema, values, eventsFile, () => record.line);
          if (result.ok) rows.push({ ...result.value, line: record.line });
          else append(problems, result.problems);
        }
        events.set(
          id,
          rows.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.line - b.line),
        );
      });
  }

  append(problems, linkProblems(root));
  // References into a sources file that failed to load would only repeat its own errors.
  const checked = new Map([...sources].filter(([id]) => !unchecked.has(id)));
  const site: SiteData = { incidents, outlets, sources, events, warnings };
  problems.push(
    ...checkReferences({ ...site, sources: checked }, unreadCapture(root), (file, path) =>
      yamlFiles.get(file)?.lineOf(path),
    ),
  );
  if (problems.length > 0) throw new CasefileErrors(problems);
  return site;
}
