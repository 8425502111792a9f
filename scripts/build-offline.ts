/**
 * `npm run build:offline [-- --dist <folder>] [--out <folder>]`: builds the site (or takes a built
 * one with `--dist`), then writes the offline copy — every internal link relative and ending in
 * `index.html`, no module scripts — unpacked into `--out` (default `.cache/casefile-offline/`) and
 * zipped into the site as `casefile-offline.zip`. `npm run build` writes the zip already; this is
 * for an existing build and for looking at the copy itself.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { normaliseBase } from "../src/lib/urls/paths.ts";
import { generatedFiles, type OfflineManifest } from "../src/lib/offline/offline-manifest.ts";
import {
  offlineCopy,
  writeOfflineZip,
  type BuiltSite,
} from "../src/integration/steps/offline-bundle.ts";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const given = option("--dist");
const out = resolve(given ?? process.env["CASEFILE_OUT_DIR"] ?? "dist");
const target = resolve(option("--out") ?? ".cache/casefile-offline");

if (given === undefined) {
  const build = spawnSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], {
    stdio: "inherit",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
if (!existsSync(join(out, "index.html"))) {
  process.stderr.write(
    `error: ${out} holds no built site. Hint: run \`npm run build\` or pass --dist <folder>\n`,
  );
  process.exit(1);
}
const manifestPath = join(out, generatedFiles.offlineManifest);
const base = existsSync(manifestPath)
  ? (JSON.parse(readFileSync(manifestPath, "utf8")) as OfflineManifest).base
  : normaliseBase(process.env["BASE_PATH"]);
const site: BuiltSite = {
  out,
  base,
  origin: new URL(process.env["SITE_URL"] ?? "http://localhost:4321").origin,
};

const { files, bytes } = writeOfflineZip(site);
rmSync(target, { recursive: true, force: true });
for (const { name, bytes: built, prepare } of offlineCopy(site)) {
  mkdirSync(dirname(join(target, name)), { recursive: true });
  writeFileSync(join(target, name), prepare(built));
}
process.stdout.write(
  `offline copy: ${files} files in ${target} (open ${join(target, "index.html")})\n` +
    `zip: ${join(out, generatedFiles.zip)} (${Math.round(bytes / 1024)} kB)\n`,
);
