/**
 * Writes the offline zip in a worker thread (see `offlineAndSearch`), so that it runs while the
 * main thread drives Pagefind; posts the zip's summary back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeOfflineZip, type BuiltSite } from "./offline-bundle.ts";

parentPort?.postMessage(writeOfflineZip(workerData as BuiltSite));
