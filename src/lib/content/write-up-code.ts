/**
 * The code of a write-up: what a chart's plot function can refer to besides its own text. In MDX
 * a function written in the body sees the module's imports and exports (ESM blocks: paragraphs
 * starting with `import` or `export`) and the frontmatter, never the prose; keying a chart on this
 * instead of the whole file lets a prose edit reuse the page's charts.
 */

/** The ESM blocks of an MDX body, in order, each as written (the prose and JSX left out). */
export function writeUpCode(body: string): string {
  const blocks: string[] = [];
  let inFence: string | undefined;
  let block: string[] | undefined;
  for (const line of body.split(/\r?\n/)) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (block === undefined && fence !== undefined) {
      // A code sample that shows an import is not one.
      if (inFence === undefined) inFence = fence;
      else if (fence.startsWith(inFence)) inFence = undefined;
      continue;
    }
    if (inFence !== undefined) continue;
    if (block === undefined) {
      if (/^(import|export)\b/.test(line)) block = [line];
    } else if (line.trim() === "") {
      blocks.push(block.join("\n"));
      block = undefined;
    } else block.push(line);
  }
  if (block) blocks.push(block.join("\n"));
  return blocks.join("\n\n");
}
