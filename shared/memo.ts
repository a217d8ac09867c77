// Remembering answers that are asked for again and again with the same arguments: evaluation
// asks the same calendar questions for every branch and member, a snapshot the same slow counts
// in every delta window. Bounded: a cache that passes its limit is forgotten all at once.

/** Remembers the last answer only (the same instant asked for every member in a row). */
export function lastOne<K, V>(f: (k: K) => V): (k: K) => V {
  let key: K | undefined;
  let value: V;
  return (k) => {
    if (k !== key) {
      value = f(k);
      key = k;
    }
    return value;
  };
}

/** Remembers every answer of a function of a string, up to `limit` of them. */
export function memoized<V>(f: (key: string) => V, limit = 10_000): (key: string) => V {
  // Not keepMany: month arithmetic runs millions of times, and a closure per call would show.
  const kept = new Map<string, V>();
  return (key) => {
    let v = kept.get(key);
    if (v === undefined) {
      if (kept.size >= limit) kept.clear();
      kept.set(key, (v = f(key)));
    }
    return v;
  };
}

/** Values remembered by key, computed by the caller on a miss, up to `limit` of them. */
export function keepMany<V>(limit = 64): (key: string, compute: () => V) => V {
  const kept = new Map<string, V>();
  return (key, compute) => {
    let v = kept.get(key);
    if (v === undefined) {
      if (kept.size >= limit) kept.clear();
      kept.set(key, (v = compute()));
    }
    return v;
  };
}
