/**
 * Array helpers that do not spread an array into a call's arguments: `Math.max(...xs)` and `out.push(...xs)` throw
 * `RangeError: Maximum call stack size exceeded` once `xs` holds about 100,000 items (one a word of a long hostile
 * comment), since every item becomes an argument on the stack.
 */

/** The largest of `xs`, as `Math.max(...xs)` gives it (`-Infinity` when empty, `NaN` if any is `NaN`). */
export function maxOf(xs: Iterable<number>): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const x of xs) m = Math.max(m, x);
  return m;
}

/** The smallest of `xs`, as `Math.min(...xs)` gives it (`Infinity` when empty, `NaN` if any is `NaN`). */
export function minOf(xs: Iterable<number>): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) m = Math.min(m, x);
  return m;
}

/** Appends `xs` to `out` in order, as `out.push(...xs)` does; returns `out`. */
export function pushAll<T>(out: T[], xs: Iterable<T>): T[] {
  for (const x of xs) out.push(x);
  return out;
}
