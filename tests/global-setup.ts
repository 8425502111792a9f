import { rmSync } from "node:fs";
import { buildsFolder } from "./helpers/build-site.ts";

/** Starts and ends every test run with no test builds left on disk. */
export default function setup(): () => void {
  const clear = () => rmSync(buildsFolder, { recursive: true, force: true });
  clear();
  return clear;
}
