import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs the archive CLI with Node 24 (type stripping) and returns its output. */
function run(...args: string[]) {
  const child = spawnSync("node_modules/.bin/node", ["scripts/archive.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DEBUG: "" },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

interface CliJson {
  documents: {
    id: string;
    title: string;
    paragraphs: { id: string; text: string; occurrences: { file: string; line: number }[] }[];
  }[];
  ledger: {
    file: string;
    line: number;
    status: string;
    paragraph?: string;
    duplicateOf?: string;
    rule?: string;
  }[];
  stats: {
    files: number;
    documents: number;
    duplicates: number;
    boilerplateByRule: Record<string, number>;
  };
}

describe("archive CLI", () => {
  it("prints exactly one JSON object with documents, ledger and stats", () => {
    const { status, stdout } = run(
      "--json",
      "tests/fixtures/archive/syndicated",
      "tests/fixtures/archive/pasted-twice.txt",
    );
    expect(status).toBe(0);
    const json = JSON.parse(stdout) as CliJson;
    expect(json.stats).toMatchObject({ files: 4, documents: 2 });
    expect(json.documents.map((d) => d.title)).toContain(
      "Regulator confirms nineteen-hour outage of billing portal",
    );
    const files = new Set(json.ledger.map((e) => e.file));
    expect([...files]).toEqual([
      "tests/fixtures/archive/pasted-twice.txt",
      "tests/fixtures/archive/syndicated/coastal-observer.txt",
      "tests/fixtures/archive/syndicated/river-news.txt",
      "tests/fixtures/archive/syndicated/valdoria-daily.txt",
    ]);
    const pasted = json.ledger.filter((e) => e.file.endsWith("pasted-twice.txt"));
    expect(pasted.map((e) => e.line)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    expect(pasted[11]).toMatchObject({ status: "duplicate", duplicateOf: pasted[1]!.paragraph });
    expect(pasted[10]).toMatchObject({ status: "boilerplate", rule: "link-residue" });
    const occurrence = json.documents[0]!.paragraphs[0]!.occurrences[0]!;
    expect(occurrence.file).toMatch(/^tests\/fixtures\/archive\//);
    expect(occurrence.line).toBeGreaterThanOrEqual(1);
  });

  it("prints a summary without --json", () => {
    const { status, stdout } = run("tests/fixtures/archive/state-broadcaster-chrome.txt");
    expect(status).toBe(0);
    expect(stdout).toMatch(/Archived 1 capture/);
    expect(stdout).toMatch(/unique paragraphs\s+7/);
    expect(stdout).toMatch(/social-link\s+3/);
  });

  it("skips dotfiles when reading folders", () => {
    const { stdout } = run("--json", "tests/fixtures/archive/quotes-two-paragraphs");
    expect((JSON.parse(stdout) as CliJson).stats.files).toBe(2);
  });

  it("fails with one line naming the file and a hint for a binary file", () => {
    const { status, stdout, stderr } = run("--json", "tests/fixtures/archive/binary.bin");
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^tests\/fixtures\/archive\/binary\.bin: .*binary.*\. Hint: /);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("fails with one line for a missing path", () => {
    const { status, stderr } = run("tests/fixtures/archive/no-such-file.txt");
    expect(status).toBe(1);
    expect(stderr.trim()).toMatch(
      /^tests\/fixtures\/archive\/no-such-file\.txt: does not exist\. Hint: /,
    );
  });
});
