/**
 * Reads a PDF's text layer and Info dictionary with **unpdf** (pdf.js, built to run without a
 * browser or a worker file), synchronously: pdf.js is asynchronous and the engine reads captures
 * synchronously, so the reading runs in one worker thread kept for the process, and the caller
 * waits on a shared flag (`Atomics.wait`) for its answer. pdf.js never runs a document's
 * JavaScript (it only lists it: the viewer's sandbox, which we do not load, would run it), and
 * `isEvalSupported: false` keeps it from compiling fonts with `new Function`. A PDF that takes more
 * than `pdfTimeoutMs` to read (a hostile one) is given up and the worker replaced.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { CasefileError } from "../../errors.ts";

/** One piece of text pdf.js found on a page. */
export interface PdfItem {
  /** Its text. */
  str: string;
  /** True when a line ends after it. */
  eol: boolean;
  /** Its baseline's height on the page (points from the bottom). */
  y: number;
  /** Its font's height (points). */
  h: number;
}

/** What a PDF holds, as read. */
export interface PdfReading {
  /** Each page's text items, in reading order. */
  pages: PdfItem[][];
  /** The string fields of its Info dictionary (Title, Author, Producer, CreationDate…). */
  info: Record<string, string>;
  /** True when it carries JavaScript (an open action, a name tree, field actions). */
  scripts: boolean;
}

/** How long one PDF may take to read. */
const pdfTimeoutMs = 30_000;

/** The worker's code: reads one PDF per message and answers on the port it is given. */
const workerCode = `
const { parentPort } = require("node:worker_threads");
parentPort.on("message", async ({ signal, port, bytes, module }) => {
  let answer;
  try {
    const { getDocumentProxy } = await import(module);
    const doc = await getDocumentProxy(bytes, {
      isEvalSupported: false, enableXfa: false, disableFontFace: true, useSystemFonts: false,
      stopAtErrors: false, verbosity: 0,
    });
    const meta = await doc.getMetadata().catch(() => ({ info: {} }));
    const info = {};
    for (const [key, value] of Object.entries(meta.info ?? {}))
      if (typeof value === "string") info[key] = value;
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.filter((item) => "str" in item).map((item) => ({
        str: item.str, eol: item.hasEOL, y: item.transform[5], h: item.height,
      })));
      page.cleanup();
    }
    const scripts = (await doc.getJSActions().catch(() => null)) !== null;
    await (typeof doc.destroy === "function" ? doc.destroy() : doc.loadingTask?.destroy());
    answer = { ok: true, reading: { pages, info, scripts } };
  } catch (error) {
    answer = { ok: false, message: String((error && error.message) || error) };
  }
  port.postMessage(answer);
  const flag = new Int32Array(signal);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** The worker, started on the first PDF and kept (unreferenced: it never keeps the process alive). */
let worker: Worker | undefined;

/** unpdf's entry point, as a file URL the worker can import. */
function unpdfModule(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve("unpdf")).href;
}

/** Reads a PDF's text and metadata; throws a CasefileError naming `file` when it cannot. */
export function readPdf(file: string, bytes: Uint8Array): PdfReading {
  worker ??= new Worker(workerCode, {
    eval: true,
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  worker.unref();
  const signal = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const copy = new Uint8Array(bytes);
  worker.postMessage({ signal, port: port2, bytes: copy, module: unpdfModule() }, [
    port2,
    copy.buffer,
  ]);
  const waited = Atomics.wait(new Int32Array(signal), 0, 0, pdfTimeoutMs);
  const received = receiveMessageOnPort(port1) as
    { message: { ok: true; reading: PdfReading } | { ok: false; message: string } } | undefined;
  port1.close();
  if (waited === "timed-out" || received === undefined) {
    void worker.terminate();
    worker = undefined;
    throw new CasefileError({
      file,
      message: `took more than ${pdfTimeoutMs / 1000} seconds to read as a PDF, and was given up`,
      hint: "the file may be damaged or made to exhaust readers: print it to a new PDF, or paste its text into a .txt capture",
    });
  }
  if (!received.message.ok) {
    throw new CasefileError({
      file,
      message: `is not a readable PDF (${received.message.message})`,
      hint: "open it in a PDF reader and save or print it to a new PDF; a file cut short cannot be read",
    });
  }
  return received.message.reading;
}
