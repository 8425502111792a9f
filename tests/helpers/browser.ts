import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type LaunchOptions,
  type Page,
} from "playwright-core";
import { buildSite, projectRoot, type BuildRun } from "./build-site.ts";

/** Debian's Chromium; the tests never download a browser. */
const chromiumPath = "/usr/bin/chromium";

/** Chromium flags for a quiet, sandbox-free run in a container. */
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * True when Chromium is installed. Without it the browser tests are skipped with a notice — except
 * on CI (`CI=true`), where a missing browser fails the run instead of passing silently.
 */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env["CI"] === "true")
    throw new Error(`browser tests need Chromium at ${chromiumPath} (CI=true)`);
  console.warn(
    `\n  SKIPPED: browser tests need Chromium at ${chromiumPath} (apt-get install chromium)\n`,
  );
  return false;
}

/** Launches Chromium without a profile. */
export function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, ...options });
}

/** Launches Chromium with a fresh profile on disk, where service workers and Cache Storage persist. */
export function launchProfile(): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "casefile-profile-")), {
    executablePath: chromiumPath,
    args: chromiumArgs,
  });
}

/** Builds the sample site under `base` into a fresh, isolated folder; throws if the build fails. */
export function buildInProject(base: string): BuildRun {
  const run = buildSite({ base });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stderr}\n${run.stdout.slice(-3000)}`);
  return run;
}

/** Content types by extension, as GitHub Pages serves them. */
const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".csv": "text/csv; charset=utf-8",
  ".yaml": "text/yaml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".bib": "text/plain; charset=utf-8",
  ".ris": "text/plain; charset=utf-8",
  ".zip": "application/zip",
};

/** A built site served on 127.0.0.1, like GitHub Pages (folders → index.html, 404.html). */
export interface SiteServer {
  /** The site's URL including the base path, e.g. `http://127.0.0.1:4000/casefile/`. */
  url: string;
  /** The origin, e.g. `http://127.0.0.1:4000`. */
  origin: string;
  /** While true, every connection is dropped, as if the network were gone. */
  down: boolean;
  /** Stops the server. */
  close(): Promise<void>;
}

/** Serves a built folder under a base path on an ephemeral port of 127.0.0.1. */
export async function serveSite(folder: string, base: string): Promise<SiteServer> {
  const state = { down: false };
  const server: Server = createServer((request, response) => {
    if (state.down) {
      request.socket.destroy();
      return;
    }
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const send = (status: number, file: string) =>
      response
        .writeHead(status, {
          "Content-Type":
            file.includes(".pf_") || file.endsWith(".pagefind")
              ? "application/octet-stream"
              : (contentTypes[extname(file)] ?? "application/octet-stream"),
          "Cache-Control": "no-cache",
        })
        .end(readFileSync(file));
    const rest = pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
    const file =
      rest === undefined
        ? undefined
        : join(folder, rest === "" || rest.endsWith("/") ? `${rest}index.html` : rest);
    if (file !== undefined && !rest?.includes("..") && existsSync(file) && !file.endsWith("/")) {
      try {
        send(200, file);
        return;
      } catch {
        // A folder without a trailing slash: GitHub Pages redirects.
        response.writeHead(301, { Location: `${pathname}/` }).end();
        return;
      }
    }
    send(404, join(folder, "404.html"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One axe-core violation, shortened for a readable assertion message. */
export interface AxeViolation {
  /** The rule id, e.g. `color-contrast`. */
  id: string;
  /** What the rule checks. */
  help: string;
  /** The offending elements' selectors. */
  targets: string[];
}

/** Runs axe-core on the loaded page and returns its violations (the page's context needs `bypassCSP: true`). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: join(projectRoot, "node_modules/axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations.map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
  });
}
