// Array helpers without argument spreads. `Math.min(...xs)` and `out.push(...xs)` pass every
// element as an argument on the stack: past some 100,000 elements (fewer on a deep stack) they
// throw a RangeError, which once read as "HTML nested too deeply" for a page of 150,000
// paragraphs. Loops have no such limit. (arrays.test.ts also checks no such spread is back in src/.)

/** The least of xs (Infinity when empty, as Math.min()). */
export function minOf(xs: Iterable<number>, start = Infinity): number {
  let m = start;
  for (const x of xs) if (x < m || Number.isNaN(x)) m = x;
  return m;
}

/** The greatest of xs (-Infinity when empty, as Math.max()). */
export function maxOf(xs: Iterable<number>, start = -Infinity): number {
  let m = start;
  for (const x of xs) if (x > m || Number.isNaN(x)) m = x;
  return m;
}

/** Appends every element of xs to into, and returns into. */
export function pushAll<T>(into: T[], xs: Iterable<T>): T[] {
  for (const x of xs) into.push(x);
  return into;
}

/**
 * The last of xs that ok accepts, searched from the end (`Array.prototype.findLast` is past this
 * project's ES2022 target; a reversed copy costs a pass and an array per question).
 */
export function findLast<T>(xs: readonly T[], ok: (x: T) => boolean | undefined): T | undefined {
  return findLastOf(xs, xs.length, ok);
}

/** findLast over the last `n` items only: a page of a thousand reports must stay linear. */
export function findLastOf<T>(xs: readonly T[], n: number, ok: (x: T) => boolean | undefined): T | undefined {
  for (let k = xs.length - 1; k >= Math.max(0, xs.length - n); k--) if (ok(xs[k])) return xs[k];
  return undefined;
}
