/**
 * "Did you mean …": the known names closest to one an author wrote, by edit distance (insertions,
 * deletions, substitutions and swaps of two neighbours each cost one), so that a typo in an id, a
 * field or a path gets the likely fix in its hint.
 */

/** The edit distance between two strings (optimal string alignment), stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How far a name may be from a known one to be suggested: a third of its length, 1 to 3 edits. */
function reach(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 3)));
}

/**
 * The known names within reach of `name`, closest first (ties in code-unit order), ignoring case
 * and the difference between `-`, `_` and spaces.
 */
export function closestNames(name: string, known: Iterable<string>): string[] {
  const fold = (text: string) => text.toLowerCase().replace(/[-_ ]/g, "-");
  const target = fold(name);
  const limit = reach(target);
  return [...new Set(known)]
    .map((candidate) => ({ candidate, cost: distance(target, fold(candidate), limit) }))
    .filter(({ candidate, cost }) => cost <= limit && candidate !== name)
    .sort((a, b) => a.cost - b.cost || (a.candidate < b.candidate ? -1 : 1))
    .map(({ candidate }) => candidate);
}

/** `did you mean "a"? ` (or `"a" or "b"`) for the closest known names, or nothing. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const close = closestNames(name, known).slice(0, 2);
  return close.length === 0 ? "" : `did you mean ${close.map((c) => `"${c}"`).join(" or ")}? `;
}
