/**
 * Writes the dossiers, then the offline zip, in a worker thread (see `writeOfflineAndSearch`), so that
 * both run while the main thread drives Pagefind; posts what it did back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { writeOfflineCopies, type OfflineCopiesTask } from "./offline-bundle.ts";

parentPort?.postMessage(writeOfflineCopies(workerData as OfflineCopiesTask));
