// A function's answers kept for the arguments it is asked again: names repeat within an article
// and across a corpus. Bounded: past `limit` entries the table is dropped and filled anew.

export interface Memo<K, V> {
  (k: K): V;
  /** forget every answer (the data behind them changed) */
  clear(): void;
}

export function memo<K, V>(fn: (k: K) => V, limit: number): Memo<K, V> {
  const cache = new Map<K, V>();
  const f = (k: K): V => {
    let v = cache.get(k);
    if (v === undefined) {
      if (cache.size > limit) cache.clear();
      v = fn(k);
      cache.set(k, v);
    }
    return v;
  };
  return Object.assign(f, { clear: () => cache.clear() });
}

/**
 * A function of an object that never changes, answered once per object (kept as long as the
 * object lives). The answer is shared: callers must not modify it.
 */
export function memoOf<K extends object, V>(fn: (k: K) => V): (k: K) => V {
  const cache = new WeakMap<K, V>();
  return (k: K): V => {
    let v = cache.get(k);
    if (v === undefined) {
      v = fn(k);
      cache.set(k, v);
    }
    return v;
  };
}
