/**
 * Screenshots built pages in Debian's Chromium for a look by eye:
 * `node scripts/screenshot.ts <dist> <out-folder> <path…> [--dark] [--width=N]`.
 */
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";

const [dist = "dist", out = "/tmp/shots", ...rest] = process.argv.slice(2);
const dark = rest.includes("--dark");
const width = Number(rest.find((arg) => arg.startsWith("--width="))?.slice(8) ?? 1280);
const paths = rest.filter((arg) => !arg.startsWith("--"));
const types: Record<string, string> = {
  ".html": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};
const server = createServer((request, response) => void serve(request, response));

/** Serves one file of dist/, or 404. */
async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
  const file = join(dist, path.endsWith("/") ? `${path}index.html` : path);
  try {
    response
      .writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" })
      .end(await readFile(file));
  } catch {
    response.writeHead(404).end("not found");
  }
}
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const port = (server.address() as { port: number }).port;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
const page = await browser.newPage({
  viewport: { width, height: 900 },
  colorScheme: dark ? "dark" : "light",
});
for (const path of paths) {
  await page.goto(`http://127.0.0.1:${port}${path}`);
  const name = `${path.replace(/[^a-z0-9]+/gi, "_")}${dark ? "_dark" : ""}_${width}.png`;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // One picture per screenful, so that each stays legible when looked at.
  for (let top = 0, part = 0; top < height && part < 12; top += 1800, part++) {
    const file = join(out, name.replace(".png", `_${part}.png`));
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: top, width, height: Math.min(1800, height - top) },
    });
    console.log(file);
  }
}
await browser.close();
server.close();
