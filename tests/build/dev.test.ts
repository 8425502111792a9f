import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, projectRoot } from "../helpers/build-site.ts";
import { minimalSite } from "../helpers/site-copy.ts";

// The dev server compiles write-ups as modules of the project, so the site lives inside it (and,
// like Astro's own sources, not under node_modules/).
mkdirSync(join(projectRoot, ".cache"), { recursive: true });
const folder = mkdtempSync(join(projectRoot, ".cache", "dev-test-"));
const port = 4500 + Math.floor(Math.random() * 400);
const page = `http://localhost:${port}/incidents/2020-example-ddos/`;
let server: ChildProcess | undefined;
let output = "";

/** Replaces text in a file of the served site. */
function edit(file: string, from: string, to: string): void {
  const path = join(folder, file);
  const text = readFileSync(path, "utf8");
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

/** The page as served, with its status. */
async function fetchPage(): Promise<{ status: number; body: string }> {
  const response = await fetch(page);
  return { status: response.status, body: await response.text() };
}

/** Waits until the page passes `test`, polling for at most `seconds`; resolves to the wait in ms. */
async function until(test: (page: { status: number; body: string }) => boolean, seconds = 20) {
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    try {
      if (test(await fetchPage())) return performance.now() - start;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the page did not change in ${seconds} s; the server said:\n${output}`);
}

beforeAll(async () => {
  cpSync(minimalSite, folder, { recursive: true });
  server = spawn(
    join(projectRoot, "node_modules/.bin/node"),
    ["node_modules/astro/bin/astro.mjs", "dev", "--port", String(port)],
    {
      cwd: projectRoot,
      env: childEnv({
        CASEFILE_SITE: folder,
        CASEFILE_CACHE_DIR: join(folder, ".astro-cache"),
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
      }),
    },
  );
  server.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until((served) => served.status === 200, 120);
});

afterAll(() => {
  server?.kill("SIGTERM");
  rmSync(folder, { recursive: true, force: true });
});

describe("the dev server", () => {
  it("shows an edit to sources.yaml without a restart", async () => {
    edit(
      "data/incidents/2020-example-ddos/sources.yaml",
      "Portal slowed by traffic flood",
      "Portal slowed by a flood of packets",
    );
    const waited = await until((served) =>
      served.body.includes("Portal slowed by a flood of packets"),
    );
    expect(waited).toBeLessThan(20_000);
  });

  it("shows an edit to events.csv without a restart", async () => {
    const events = readFileSync(
      join(folder, "data/incidents/2020-example-ddos/events.csv"),
      "utf8",
    );
    const label = events.split("\n")[1]?.split(",")[1] ?? "";
    edit("data/incidents/2020-example-ddos/events.csv", label, `${label} (edited)`);
    await until((served) => served.body.includes(`${label} (edited)`));
  });

  it("shows an edit to outlets.yaml without a restart", async () => {
    const outlets = readFileSync(join(folder, "data/outlets.yaml"), "utf8");
    const name = /name: (.+)/.exec(outlets)?.[1] ?? "";
    edit("data/outlets.yaml", `name: ${name}`, `name: ${name} Renamed`);
    await until((served) => served.body.includes(`${name} Renamed`));
  });

  it("shows an edit to a capture without a restart", async () => {
    const capture = "data/archives/example/news-report.txt";
    const word = /\b[A-Za-z]{6,}\b/.exec(readFileSync(join(folder, capture), "utf8"))?.[0] ?? "";
    edit(capture, word, `${word}Edited`);
    await until((served) => served.body.includes(`${word}Edited`));
  });

  it("shows the last of two saves in quick succession", async () => {
    // Vite's watcher drops a second change to a file within 50 ms; the page must still show it.
    const file = "data/incidents/2020-example-ddos/sources.yaml";
    edit(file, "Portal slowed by a flood of packets", "Portal slowed (first save)");
    await new Promise((resolve) => setTimeout(resolve, 25));
    edit(file, "Portal slowed (first save)", "Portal slowed (second save)");
    await until((served) => served.body.includes("Portal slowed (second save)"));
  });

  it("shows a broken edit as one paragraph and recovers when it is fixed", async () => {
    const file = "data/incidents/2020-example-ddos/sources.yaml";
    edit(file, "outlet: example-news", "outlet: examplenews");
    await until((served) => served.status === 500);
    expect(output).toContain(
      `${file}:4: sources[0].outlet: unknown outlet "examplenews" (known: example-news, example-ministry).`,
    );
    edit(file, "outlet: examplenews", "outlet: example-news");
    await until((served) => served.status === 200);
  });
});
