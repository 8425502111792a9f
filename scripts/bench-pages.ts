/**
 * `npm run bench:pages [-- --dist <folder>]`: Lighthouse (mobile profile, the default) on `/` and
 * one sample incident page, served from a built site by a local static server on 127.0.0.1.
 * Without `--dist` it builds the sample site first. Prints the performance, accessibility,
 * best-practices and SEO scores with the audits that keep a score below 100, and writes
 * bench/results/pages.json. Uses Debian's Chromium (/usr/bin/chromium), never a downloaded one.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import lighthouse from "lighthouse";
import { projectRoot } from "./bench/generate-site.ts";

const PAGES = ["/", "/incidents/2024-venezuela-cne-election-ddos/"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

/** A static file server for a built site, directory format, 404.html for misses. */
function serve(root: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = normalize(
      decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname),
    ).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    const found = existsSync(file);
    const body = readFileSync(found ? file : join(root, "404.html"));
    response.writeHead(found ? 200 : 404, {
      "content-type": TYPES[extname(found ? file : ".html")] ?? "application/octet-stream",
      "cache-control": "max-age=31536000",
    });
    response.end(body);
  });
  return new Promise((resolvePromise) =>
    server.listen(0, "127.0.0.1", () => resolvePromise(server)),
  );
}

/**
 * Starts Debian's Chromium with a DevTools port of its own choosing (read back from the line it
 * prints), for Lighthouse to drive.
 */
function launchChromium(): Promise<{ port: number; kill: () => void }> {
  const profile = join(projectRoot, "node_modules/.cache/casefile-bench-pages/profile");
  rmSync(profile, { recursive: true, force: true });
  const child = spawn(
    "/usr/bin/chromium",
    [...CHROME_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return new Promise((resolvePromise, reject) => {
    let printed = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      printed += chunk;
      const port = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(printed)?.[1];
      if (port !== undefined) resolvePromise({ port: Number(port), kill: () => child.kill() });
    });
    child.on("exit", (code) => {
      reject(new Error(`chromium exited (${String(code)}) before opening DevTools:\n${printed}`));
    });
  });
}

/** One page's result. */
interface PageResult {
  path: string;
  scores: Record<string, number | null>;
  /** Audits scoring below 1 that count towards a category, by category. */
  failing: Record<
    string,
    { id: string; title: string; score: number | null; displayValue?: string; elements: string[] }[]
  >;
  metrics: Record<string, number | undefined>;
}

/** Up to five HTML snippets of the elements an audit flags (from its details table). */
function elementsOf(details: unknown): string[] {
  const items = (details as { items?: { node?: { snippet?: string } }[] } | undefined)?.items ?? [];
  return items
    .map((item) => item.node?.snippet)
    .filter((snippet): snippet is string => typeof snippet === "string")
    .slice(0, 5);
}

const args = process.argv.slice(2);
const distArg = args.includes("--dist") ? args[args.indexOf("--dist") + 1] : undefined;
let dist = distArg;
if (dist === undefined) {
  // Inside the project so that Astro keeps its prerender bundle out of the shared .astro/ folder.
  dist = join(projectRoot, "node_modules/.cache/casefile-bench-pages/dist");
  rmSync(dist, { recursive: true, force: true });
  process.stderr.write(`[bench:pages] building the sample site into ${dist}\n`);
  const built = spawnSync(
    join(projectRoot, "node_modules/.bin/node"),
    ["node_modules/astro/bin/astro.mjs", "build"],
    {
      cwd: projectRoot,
      encoding: "utf8",
      env: {
        ...process.env,
        CASEFILE_OUT_DIR: dist,
        BASE_PATH: "/",
        NO_COLOR: "1",
        ASTRO_TELEMETRY_DISABLED: "1",
      },
      maxBuffer: 1 << 28,
    },
  );
  if (built.status !== 0) {
    process.stderr.write(`${built.stderr}\n${built.stdout.slice(-3000)}\nbuild failed\n`);
    process.exit(1);
  }
}

const server = await serve(dist);
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const chrome = await launchChromium();
const results: PageResult[] = [];
try {
  for (const path of PAGES) {
    const run = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: [...CATEGORIES],
    });
    if (!run) throw new Error(`lighthouse returned nothing for ${path}`);
    const { lhr } = run;
    const scores: Record<string, number | null> = {};
    const failing: PageResult["failing"] = {};
    for (const category of CATEGORIES) {
      const entry = lhr.categories[category];
      scores[category] =
        entry?.score === null || entry === undefined ? null : Math.round(entry.score * 100);
      failing[category] = (entry?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (audit) =>
            audit !== undefined &&
            audit.score !== null &&
            audit.score < 1 &&
            audit.scoreDisplayMode !== "informative" &&
            audit.scoreDisplayMode !== "notApplicable",
        )
        .map((audit) => ({
          id: audit!.id,
          title: audit!.title,
          score: audit!.score,
          ...(audit!.displayValue ? { displayValue: audit!.displayValue } : {}),
          elements: elementsOf(audit!.details),
        }));
    }
    const metric = (id: string) => lhr.audits[id]?.numericValue;
    results.push({
      path,
      scores,
      failing,
      metrics: {
        firstContentfulPaintMs: metric("first-contentful-paint"),
        largestContentfulPaintMs: metric("largest-contentful-paint"),
        totalBlockingTimeMs: metric("total-blocking-time"),
        cumulativeLayoutShift: metric("cumulative-layout-shift"),
        speedIndexMs: metric("speed-index"),
      },
    });
  }
} finally {
  chrome.kill();
  server.close();
}

const width = Math.max(...PAGES.map((path) => path.length));
process.stdout.write(
  `\nLighthouse (mobile), ${origin}\n\n| ${"page".padEnd(width)} | perf | a11y | best-practices | SEO |\n|${"-".repeat(width + 2)}|-----:|-----:|---------------:|----:|\n`,
);
for (const result of results) {
  const cell = (category: string, size: number) =>
    String(result.scores[category] ?? "n/a").padStart(size);
  process.stdout.write(
    `| ${result.path.padEnd(width)} | ${cell("performance", 4)} | ${cell("accessibility", 4)} | ${cell("best-practices", 14)} | ${cell("seo", 3)} |\n`,
  );
}
for (const result of results) {
  for (const [category, audits] of Object.entries(result.failing)) {
    for (const audit of audits)
      process.stdout.write(
        `below 100: ${result.path} ${category}: ${audit.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ""})${audit.elements.length > 0 ? `\n    e.g. ${audit.elements.map((snippet) => snippet.slice(0, 160)).join("\n    e.g. ")}` : ""}\n`,
      );
  }
}
const allHundred = results.every((result) =>
  CATEGORIES.every((category) => result.scores[category] === 100),
);
process.stdout.write(
  `\n${allHundred ? "met   " : "MISSED"}  100 in all four categories on every page\n`,
);
mkdirSync(join(projectRoot, "bench/results"), { recursive: true });
writeFileSync(
  join(projectRoot, "bench/results/pages.json"),
  `${JSON.stringify({ date: new Date().toISOString(), command: `npm run bench:pages${args.length > 0 ? ` -- ${args.join(" ")}` : ""}`, lighthouse: "mobile (default config)", chrome: "/usr/bin/chromium", pages: results }, null, 2)}\n`,
);
process.stdout.write("wrote bench/results/pages.json\n");
