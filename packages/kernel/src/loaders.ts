import DataLoader from 'dataloader';

/**
 * Puts rows in the order of the keys asked for, one per key (null where none): what a DataLoader
 * batch function must return.
 */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, cacheKey: (k: K) => unknown = (k) => k): (V | null)[] {
  const byKey = new Map<unknown, V>();
  for (const row of rows) byKey.set(cacheKey(keyOf(row)), row);
  return keys.map((k) => byKey.get(cacheKey(k)) ?? null);
}

/** Groups rows under the keys asked for, in key order (an empty list where none). */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K, cacheKey: (k: K) => unknown = (k) => k): V[][] {
  const byKey = new Map<unknown, V[]>();
  for (const row of rows) {
    const k = cacheKey(keyOf(row));
    const list = byKey.get(k);
    if (list) list.push(row);
    else byKey.set(k, [row]);
  }
  return keys.map((k) => byKey.get(cacheKey(k)) ?? []);
}

/** One row per key. Build one per request (in the context factory), never share across requests. */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K, cacheKey?: (k: K) => unknown): DataLoader<K, V | null> {
  return new DataLoader<K, V | null, unknown>(async (keys) => orderByKeys(keys, await fetch(keys), keyOf, cacheKey), {
    cacheKeyFn: cacheKey,
    maxBatchSize: 1000,
  });
}

/** A list of rows per key (one-to-many). */
export function listLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K, cacheKey?: (k: K) => unknown): DataLoader<K, V[]> {
  return new DataLoader<K, V[], unknown>(async (keys) => groupByKeys(keys, await fetch(keys), keyOf, cacheKey), {
    cacheKeyFn: cacheKey,
    maxBatchSize: 1000,
  });
}

/** A value computed per key by one batch (counts, sums): `compute` returns a map from key to value. */
export function valueLoader<K, V>(compute: (keys: readonly K[]) => Promise<Map<unknown, V>>, fallback: V, cacheKey: (k: K) => unknown = (k) => k): DataLoader<K, V> {
  return new DataLoader<K, V, unknown>(
    async (keys) => {
      const values = await compute(keys);
      return keys.map((k) => (values.has(cacheKey(k)) ? (values.get(cacheKey(k)) as V) : fallback));
    },
    { cacheKeyFn: cacheKey, maxBatchSize: 1000 },
  );
}

/** Composite keys (teacher + year) as one cache key. */
export const compositeKey = (...parts: unknown[]): string => JSON.stringify(parts);

/**
 * Adds `value` to the list under `key`, making the list on first use: grouping in linear time (a
 * spread copy of the list at each add is quadratic, and a province's 15,000 designated teachers in one
 * group made that a second).
 * @example for (const r of rows) appendTo(bySchool, r.schoolId, r);
 */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
