/**
 * Runs one offline step (the dossiers or the zip) in a worker thread, so that it goes on while
 * the main thread drives Pagefind; posts what it did back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runOfflineTask, type OfflineTask } from "./offline-bundle.ts";

parentPort?.postMessage(runOfflineTask(workerData as OfflineTask));
