/**
 * Duplicate keys in JSON. `JSON.parse` keeps the last of two values for one key without a word, so
 * a chart data file's row could lose a column's value silently; this finds the first duplicate
 * and its line, in one pass over text that `JSON.parse` has accepted already.
 */

/** A key that appears twice in one object, and the 1-based line of its second appearance. */
export interface DuplicateKey {
  /** The key, decoded. */
  key: string;
  /** Line of the second appearance. */
  line: number;
}

/** The first key that appears twice in one object of valid JSON `text`, if any. */
export function duplicateJsonKey(text: string): DuplicateKey | undefined {
  // One frame per open object (its keys so far) or array (undefined).
  const frames: (Set<string> | undefined)[] = [];
  let expectKey = false;
  let line = 1;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === "\n") line++;
    else if (char === "{") {
      frames.push(new Set());
      expectKey = true;
    } else if (char === "[") frames.push(undefined);
    else if (char === "}" || char === "]") frames.pop();
    else if (char === ",") expectKey = frames.at(-1) !== undefined;
    else if (char === '"') {
      const start = index;
      for (index++; text[index] !== '"'; index++) if (text[index] === "\\") index++;
      const keys = frames.at(-1);
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(start, index + 1)) as string;
        if (keys.has(key)) return { key, line };
        keys.add(key);
        expectKey = false;
      }
    }
  }
  return undefined;
}
