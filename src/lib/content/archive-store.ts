import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type {
  Archive,
  ArchiveDocument,
  ArchiveStats,
  CaptureInput,
  CaptureSummary,
  LedgerEntry,
} from "../archive/types.ts";
import type { CasefileProblem } from "../errors.ts";
import type { ArchiveDecisions } from "../archive/decisions.ts";
import { readCaptureDecisions } from "./capture-decisions.ts";
import { listCaptures } from "./captures.ts";
import { diskCache, markUsed, type DiskCache } from "./disk-cache.ts";

/**
 * Where a processed archive is kept between steps and builds, without the engine itself: pages
 * read the archive through this module, so that a change to the engine's code does not count as a
 * change to every page's code (which would make the incremental build render every page again).
 *
 * An archive is stored as a folder, one file per folder of captures (an incident's captures sit in
 * one folder of data/archives/), and a small index of what the whole site shares (corpus figures,
 * warnings, the per-capture summary). Nothing is one string or object the size of the whole
 * archive, which on a large site passes V8's string limit (about 512 MB, near 2,200 synthetic
 * incidents); a reader takes only the folders of the captures it asks for.
 */

/** Version of the cached archive's shape; bump it when the engine's output changes. */
const engineVersion = "9";

/** The captures of a site with their digest over every path and bytes (and the engine version). */
export interface DigestedCaptures {
  /** The captures, labelled by site-relative path. */
  inputs: CaptureInput[];
  /** Digest of the engine version, every capture and the researchers' decisions on them. */
  digest: string;
  /** The researchers' decisions (from the sources files), which the engine applies. */
  decisions: ArchiveDecisions;
}

/** Reads a site's captures and the researchers' decisions on them, and digests them. */
export function digestCaptures(root: string): DigestedCaptures {
  const decisions = readCaptureDecisions(root);
  const hash = createHash("sha256").update(engineVersion).update(JSON.stringify(decisions));
  const inputs = listCaptures(root).map((file) => {
    const bytes = new Uint8Array(readFileSync(join(root, file)));
    hash.update(`${file}\0`).update(createHash("sha256").update(bytes).digest());
    return { file, bytes };
  });
  return { inputs, digest: hash.digest("hex"), decisions };
}

/**
 * The disk cache of processed archives of a site (under its `node_modules/.cache/casefile/`). Its
 * entries are folders (`archive-<key>/`), written by `storeArchive` and read by `storedArchive`.
 */
export function archiveCache(
  root: string,
  folder = join(root, "node_modules/.cache/casefile"),
): DiskCache {
  return diskCache(folder, { prefix: "archive-" });
}

/** The file key of an archive in its cache. */
export function archiveKey(digest: string): string {
  return digest.slice(0, 32);
}

/** A processed archive as the pages read it: the shared figures, and any incident's part. */
export interface ArchiveReader {
  /** Corpus figures. */
  stats: ArchiveStats;
  /** Non-fatal problems of the whole archive. */
  warnings: CasefileProblem[];
  /** Per-capture summary. */
  files: CaptureSummary[];
  /**
   * An archive holding at least every document with a copy in one of `captures` (path labels) and
   * every ledger entry of them, in archive order; it may hold more (the rest of their folders).
   * Figures, warnings and summary are the whole archive's.
   */
  part(captures: Iterable<string>): Archive;
}

/** A reader over an archive held in memory (just processed, or from a read-only checkout). */
export function archiveInMemory(archive: Archive): ArchiveReader {
  return {
    stats: archive.stats,
    warnings: archive.warnings,
    files: archive.files,
    part: () => archive,
  };
}

/** What the index of a stored archive holds. */
interface StoredIndex {
  /** Corpus figures. */
  stats: ArchiveStats;
  /** Non-fatal problems. */
  warnings: CasefileProblem[];
  /** Per-capture summary. */
  files: CaptureSummary[];
  /** The shard file of each folder of captures that has documents or ledger entries. */
  shards: Record<string, string>;
}

/** One folder's part of a stored archive, with the positions of its items in the whole archive. */
interface Shard {
  /** Documents with a copy in the folder, with their positions. */
  documents: [number, ArchiveDocument][];
  /** The folder's ledger entries as runs of consecutive positions: start, entries. */
  ledger: [number, LedgerEntry[]][];
}

/** The folder a capture label belongs to (its shard). */
const folderOf = (file: string) => dirname(file);

/** The shard file name of a folder: a digest, since labels may hold any character. */
const shardName = (folder: string) =>
  `${createHash("sha256").update(folder).digest("hex").slice(0, 20)}.json`;

/** The shards of an archive, by folder of captures. */
function shardsOf(archive: Archive): Map<string, Shard> {
  const shards = new Map<string, Shard>();
  const shard = (folder: string) => {
    let found = shards.get(folder);
    if (!found) shards.set(folder, (found = { documents: [], ledger: [] }));
    return found;
  };
  archive.documents.forEach((document, position) => {
    // A document copied in several folders (syndicated across incidents) is stored in each.
    for (const folder of new Set(document.copies.map((copy) => folderOf(copy.file))))
      shard(folder).documents.push([position, document]);
  });
  archive.ledger.forEach((entry, position) => {
    const { ledger } = shard(folderOf(entry.file));
    const last = ledger.at(-1);
    if (last && last[0] + last[1].length === position) last[1].push(entry);
    else ledger.push([position, [entry]]);
  });
  return shards;
}

/**
 * Writes an archive into its cache folder, one file per folder of captures and the index last,
 * and says whether it is there. Written aside, then renamed, so that a reader never sees half an
 * archive; a cache that cannot be written is not an error (the archive is processed again).
 */
export function storeArchive(cache: DiskCache, key: string, archive: Archive): boolean {
  const target = cache.path(key);
  const aside = `${target}.${process.pid}.tmp`;
  try {
    rmSync(aside, { recursive: true, force: true });
    mkdirSync(aside, { recursive: true });
    const shards: Record<string, string> = {};
    for (const [folder, shard] of shardsOf(archive)) {
      shards[folder] = shardName(folder);
      writeFileSync(join(aside, shards[folder]), JSON.stringify(shard));
    }
    const { stats, warnings, files } = archive;
    const index: StoredIndex = { stats, warnings, files, shards };
    writeFileSync(join(aside, "index.json"), JSON.stringify(index));
    try {
      renameSync(aside, target);
    } catch (error) {
      // Stored meanwhile by another process (the check beside the build): the same archive.
      rmSync(aside, { recursive: true, force: true });
      if (!existsSync(join(target, "index.json"))) throw error;
    }
    return true;
  } catch {
    rmSync(aside, { recursive: true, force: true });
    return false;
  }
}

/** How many parsed shards a reader keeps: a page, its exports and its keys read the same ones. */
const keptShards = 16;

/**
 * The processed archive of captures with this digest from the disk cache, if there. Only its
 * index is read here; each part reads the shards of its folders (the last few kept parsed), so
 * that neither the check nor Astro holds the whole archive while it builds the pages.
 */
export function storedArchive(digest: string, cache: DiskCache): ArchiveReader | undefined {
  const folder = cache.path(archiveKey(digest));
  markUsed(folder);
  let index: StoredIndex;
  try {
    index = JSON.parse(readFileSync(join(folder, "index.json"), "utf8")) as StoredIndex;
  } catch {
    return undefined;
  }
  const parsed = new Map<string, Shard>();
  const shard = (name: string): Shard => {
    let found = parsed.get(name);
    if (found) parsed.delete(name);
    else found = JSON.parse(readFileSync(join(folder, name), "utf8")) as Shard;
    parsed.set(name, found);
    if (parsed.size > keptShards) parsed.delete(parsed.keys().next().value!);
    return found;
  };
  return {
    stats: index.stats,
    warnings: index.warnings,
    files: index.files,
    part: (captures) => {
      const names = new Set<string>();
      for (const file of captures) {
        const name = index.shards[folderOf(file)];
        if (name !== undefined) names.add(name);
      }
      const documents = new Map<number, ArchiveDocument>();
      const runs: [number, LedgerEntry[]][] = [];
      for (const name of names) {
        const { documents: stored, ledger } = shard(name);
        for (const [position, document] of stored)
          if (!documents.has(position)) documents.set(position, document);
        runs.push(...ledger);
      }
      runs.sort((a, b) => a[0] - b[0]);
      return {
        documents: [...documents].sort((a, b) => a[0] - b[0]).map(([, document]) => document),
        ledger: runs.flatMap(([, entries]) => entries),
        stats: index.stats,
        warnings: index.warnings,
        files: index.files,
      };
    },
  };
}
