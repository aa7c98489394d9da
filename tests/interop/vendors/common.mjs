// Shared helpers of the vendor evaluators.

/** A document that does not have the shape the contract and the vendor require. */
export class ShapeError extends Error {}

export function fail(msg) {
  throw new ShapeError(msg);
}
export function need(cond, msg) {
  if (!cond) fail(msg);
}

/** Index of the last element of sorted `arr` (by key) whose key is <= t, or -1. */
export function lastAtOrBefore(arr, t, key = (x) => x.t) {
  let lo = 0;
  let hi = arr.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(arr[mid]) <= t) { best = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return best;
}
