/**
 * `npm run start-site -- --title "…" --publisher "…" [--url https://owner.github.io/repository]`:
 * starts a research group's own site in this folder (or `CASEFILE_SITE`): writes its settings file
 * (`casefile.config.yaml`), an empty `data/outlets.yaml` and a `urls.lock` with no URL yet. From
 * then on the build, the check and `npm run new` use this site instead of the engine's samples
 * (samples/, which stay for the tests and as examples). Asks for what the flags leave out when run
 * in a terminal. Never overwrites a file.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface, type Interface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { siteFiles, splitSiteUrl, type SiteAnswers } from "../src/lib/content/scaffold-site.ts";
import { basePath, settingsFile, siteUrl } from "../src/schemas/settings.ts";

const usage = `Usage: npm run start-site -- --title "Site name" --publisher "Institution" [--url https://…]

Starts your own site here: writes ${settingsFile} (the site's settings), data/outlets.yaml and
urls.lock. The sample incidents stay in samples/ and are no longer built. In a terminal, the
command asks for what the options leave out. Never overwrites a file.

Options:
  --title "…"       the site's name, in page titles and the feed
  --publisher "…"   the group or institution named in citations (default: the title)
  --url https://…   where the site will be published, e.g. https://owner.github.io/repository
                    (may be left out now; the GitHub Pages workflow sets it when it builds)
  -h, --help        print this help
`;

/** Prints a one-paragraph error and exits 1. */
function fail(message: string, hint: string): never {
  process.stderr.write(`error: ${message}. Hint: ${hint}\n`);
  process.exit(1);
}

/** The command line, or a one-paragraph error for an unknown option or a missing value. */
function readArguments() {
  try {
    return parseArgs({
      options: {
        title: { type: "string" },
        publisher: { type: "string" },
        url: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split(/\.( |$)/)[0]! : String(error);
    return fail(reason, "run npm run start-site -- --help for the options");
  }
}

/** Asks a question in the terminal; the default when the answer is empty. */
async function ask(prompt: Interface, question: string, fallback = ""): Promise<string> {
  const shown = fallback === "" ? "" : ` [${fallback}]`;
  // Ctrl+D or Ctrl+C at a question ends the command without a stack trace.
  const asked = await prompt.question(`${question}${shown}: `).catch(() => undefined);
  if (asked === undefined) {
    prompt.close();
    return fail(
      "cancelled; nothing was written",
      "run npm run start-site again, or give --title, --publisher and --url",
    );
  }
  const answer = asked.trim();
  return answer === "" ? fallback : answer;
}

/** The answers: from the flags, else asked in a terminal, else an error naming the missing flag. */
async function answers(values: ReturnType<typeof readArguments>["values"]): Promise<SiteAnswers> {
  let { title, publisher, url } = values;
  const interactive = process.stdin.isTTY && (title === undefined || publisher === undefined);
  if (interactive) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    title ??= await ask(prompt, "Site title (in page titles and the feed)");
    publisher ??= await ask(prompt, "Publisher (the group named in citations)", title);
    url ??= await ask(
      prompt,
      "Published at (e.g. https://owner.github.io/repository; empty: later)",
    );
    prompt.close();
  }
  if (!title?.trim())
    fail("no site title given", 'run npm run start-site -- --title "Site name" --publisher "…"');
  publisher = publisher?.trim() ?? "";
  if (publisher === "") publisher = title.trim();
  if (!url) return { title: title.trim(), publisher };
  if (!siteUrl.safeParse(url).success)
    fail(
      `--url "${url}" is not an http(s) address`,
      "write e.g. --url https://owner.github.io/repository",
    );
  const split = splitSiteUrl(url);
  if (split.base !== undefined && !basePath.safeParse(split.base).success)
    fail(
      `the path of --url "${url}" is not made of URL-safe segments`,
      "write e.g. --url https://owner.github.io/repository",
    );
  return { title: title.trim(), publisher, ...split };
}

const { values } = readArguments();
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const chosen = process.env["CASEFILE_SITE"] ?? "";
const root = resolve(chosen === "" ? "." : chosen);
if (existsSync(join(root, settingsFile)))
  fail(
    `a site is already started here (${settingsFile} exists); nothing was written`,
    `edit ${settingsFile} to change its settings`,
  );
const existing = ["content", "data", "urls.lock"].filter(
  (part) =>
    existsSync(join(root, part)) &&
    (part === "urls.lock" || readdirSync(join(root, part)).length > 0),
);
if (existing.length > 0)
  fail(
    `this folder already holds ${existing.join(", ")}; nothing was written`,
    `move them away first, or write ${settingsFile} by hand (the README's Settings table) to keep them`,
  );
const files = siteFiles(await answers(values));
for (const [file, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}
process.stdout.write(`Started your site:
${Object.keys(files)
  .map((file) => `  ${file}`)
  .join("\n")}

The sample incidents in samples/ are no longer built (they stay as examples and for the tests).
Next:
  1. npm run new -- "Incident title" --country VE   scaffolds your first incident.
  2. npm run check -- --strict                      shows what is left to fill in.
  3. npm run build, then commit and push: the GitHub Pages workflow publishes the site.
More in docs/guide.md; every setting is in the README's Settings table.
`);
