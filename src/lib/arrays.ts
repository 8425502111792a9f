/**
 * Array helpers that take arrays of any length. Spreading an array into a call's arguments
 * (`Math.max(...values)`, `list.push(...more)`) puts every item on the stack, which overflows at
 * about 100,000 items (`RangeError: Maximum call stack size exceeded`); these loop instead.
 */

/** The largest of the values (as `Math.max` would give it), or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let first = true;
  for (const value of values) {
    max = first ? value : Math.max(max, value);
    first = false;
  }
  return max;
}

/** The smallest of the values (as `Math.min` would give it), or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Infinity): number {
  let min = empty;
  let first = true;
  for (const value of values) {
    min = first ? value : Math.min(min, value);
    first = false;
  }
  return min;
}

/** Appends every item to the list, in order (`list.push(...items)` for any number of items). */
export function append<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
