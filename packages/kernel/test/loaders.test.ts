import { compositeKey, groupByKeys, listLoader, orderByKeys, rowLoader, valueLoader } from '@tw/kernel';
import { recordingLoader } from '@tw/kernel/testing';

interface Teacher {
  id: string;
  name: string;
}
interface Training {
  teacherId: string;
  year: number;
  project: string;
}

const TEACHERS: Teacher[] = [
  { id: 't1', name: '张三' },
  { id: 't2', name: '李四' },
  { id: 't3', name: '王五' },
];
const TRAININGS: Training[] = [
  { teacherId: 't1', year: 2023, project: '国培计划' },
  { teacherId: 't2', year: 2023, project: '信息技术应用能力提升' },
  { teacherId: 't1', year: 2024, project: '师德师风专题' },
];

/** A fake table query that records the keys of each call, as a database would see them. */
function table<R>(rows: R[], match: (row: R, keys: readonly string[]) => boolean) {
  const calls: string[][] = [];
  const fetch = async (keys: readonly string[]) => {
    calls.push([...keys]);
    // a database returns rows in its own order, not the order of the keys
    return rows.filter((r) => match(r, keys)).reverse();
  };
  return { calls, fetch };
}

describe('orderByKeys', () => {
  it('puts rows in key order, one per key, null where there is none', () => {
    const rows = [TEACHERS[2], TEACHERS[0]];
    expect(orderByKeys(['t1', 'tX', 't3', 't1'], rows, (t) => t.id)).toEqual([TEACHERS[0], null, TEACHERS[2], TEACHERS[0]]);
  });

  it('returns as many results as keys, even with no rows', () => {
    expect(orderByKeys(['a', 'b'], [] as Teacher[], (t) => t.id)).toEqual([null, null]);
    expect(orderByKeys([], TEACHERS, (t) => t.id)).toEqual([]);
  });

  it('matches composite keys through the cache key', () => {
    const keys = [
      { teacherId: 't1', year: 2024 },
      { teacherId: 't2', year: 2024 },
      { teacherId: 't1', year: 2023 },
    ];
    const key = (k: { teacherId: string; year: number }) => compositeKey(k.teacherId, k.year);
    expect(orderByKeys(keys, TRAININGS, (r) => ({ teacherId: r.teacherId, year: r.year }), key)).toEqual([TRAININGS[2], null, TRAININGS[0]]);
  });

  it('does not confuse a number key with its text', () => {
    expect(orderByKeys([1, '1'] as unknown[], [{ id: 1 }], (r) => r.id)).toEqual([{ id: 1 }, null]);
  });
});

describe('groupByKeys', () => {
  it('groups rows under the keys, in key order, with an empty list where none', () => {
    const grouped = groupByKeys(['t2', 't1', 't3'], TRAININGS, (r) => r.teacherId);
    expect(grouped).toEqual([[TRAININGS[1]], [TRAININGS[0], TRAININGS[2]], []]);
  });

  it('keeps the rows of one key in the order they came', () => {
    const grouped = groupByKeys(['t1'], [TRAININGS[2], TRAININGS[0]], (r) => r.teacherId);
    expect(grouped).toEqual([[TRAININGS[2], TRAININGS[0]]]);
  });

  it('gives each repeated key its list', () => {
    const grouped = groupByKeys(['t1', 't1'], TRAININGS, (r) => r.teacherId);
    expect(grouped[0]).toHaveLength(2);
    expect(grouped[1]).toEqual(grouped[0]);
  });

  it('groups by composite keys', () => {
    const grouped = groupByKeys(
      [
        ['t1', 2023],
        ['t1', 2025],
      ] as [string, number][],
      TRAININGS,
      (r) => [r.teacherId, r.year] as [string, number],
      (k) => compositeKey(...k),
    );
    expect(grouped).toEqual([[TRAININGS[0]], []]);
  });
});

describe('rowLoader', () => {
  it('makes one query for N loads in the same tick, and answers each in key order', async () => {
    const { calls, fetch } = table(TEACHERS, (t, keys) => keys.includes(t.id));
    const loader = rowLoader(fetch, (t) => t.id);
    const results = await Promise.all([loader.load('t3'), loader.load('t1'), loader.load('missing'), loader.load('t2')]);
    expect(calls).toEqual([['t3', 't1', 'missing', 't2']]);
    expect(results).toEqual([TEACHERS[2], TEACHERS[0], null, TEACHERS[1]]);
  });

  it('asks once for a key loaded twice, and caches it for later loads', async () => {
    const { calls, fetch } = table(TEACHERS, (t, keys) => keys.includes(t.id));
    const loader = rowLoader(fetch, (t) => t.id);
    const [a, b] = await Promise.all([loader.load('t1'), loader.load('t1')]);
    expect(a).toBe(b);
    expect(await loader.load('t1')).toBe(a);
    expect(calls).toEqual([['t1']]);
    await loader.loadMany(['t1', 't2']);
    expect(calls).toEqual([['t1'], ['t2']]);
  });

  it('dedupes and matches composite keys through the cache key', async () => {
    type Key = { teacherId: string; year: number };
    const calls: Key[][] = [];
    const loader = rowLoader<Key, Training>(
      async (keys) => {
        calls.push([...keys]);
        return TRAININGS.filter((r) => keys.some((k) => k.teacherId === r.teacherId && k.year === r.year));
      },
      (r) => ({ teacherId: r.teacherId, year: r.year }),
      (k) => compositeKey(k.teacherId, k.year),
    );
    const results = await Promise.all([
      loader.load({ teacherId: 't1', year: 2024 }),
      loader.load({ teacherId: 't1', year: 2024 }),
      loader.load({ teacherId: 't2', year: 2024 }),
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual([
      { teacherId: 't1', year: 2024 },
      { teacherId: 't2', year: 2024 },
    ]);
    expect(results).toEqual([TRAININGS[2], TRAININGS[2], null]);
  });

  it('splits more than 1000 keys into batches of at most 1000', async () => {
    const sizes: number[] = [];
    const loader = rowLoader(
      async (keys: readonly number[]) => {
        sizes.push(keys.length);
        return keys.map((id) => ({ id }));
      },
      (r) => r.id,
    );
    const keys = Array.from({ length: 2500 }, (_, i) => i);
    const rows = await loader.loadMany(keys);
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(rows).toEqual(keys.map((id) => ({ id })));
  });

  it('rejects every load of a batch whose query fails', async () => {
    const loader = rowLoader<string, Teacher>(async () => {
      throw new Error('database is down');
    }, (t) => t.id);
    const results = await Promise.allSettled([loader.load('t1'), loader.load('t2')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('listLoader', () => {
  it('makes one query for N loads and gives each key its list', async () => {
    const { calls, fetch } = table(TRAININGS, (r, keys) => keys.includes(r.teacherId));
    const loader = listLoader(fetch, (r) => r.teacherId);
    const [t1, t2, t3] = await Promise.all([loader.load('t1'), loader.load('t2'), loader.load('t3')]);
    expect(calls).toEqual([['t1', 't2', 't3']]);
    expect(t1.map((r) => r.project).sort()).toEqual(['国培计划', '师德师风专题']);
    expect(t2).toEqual([TRAININGS[1]]);
    expect(t3).toEqual([]);
  });
});

describe('valueLoader', () => {
  it('computes values for N keys in one call, with the fallback where the map has none', async () => {
    const calls: string[][] = [];
    const loader = valueLoader(async (keys: readonly string[]) => {
      calls.push([...keys]);
      const counts = new Map<unknown, number>();
      for (const r of TRAININGS) if (keys.includes(r.teacherId)) counts.set(r.teacherId, (counts.get(r.teacherId) ?? 0) + 1);
      return counts;
    }, 0);
    expect(await Promise.all([loader.load('t1'), loader.load('t2'), loader.load('t3')])).toEqual([2, 1, 0]);
    expect(calls).toEqual([['t1', 't2', 't3']]);
  });

  it('keeps a computed value that is falsy rather than replacing it with the fallback', async () => {
    const loader = valueLoader(async () => new Map<unknown, number | null>([['a', 0], ['b', null]]), -1);
    expect(await Promise.all([loader.load('a'), loader.load('b'), loader.load('c')])).toEqual([0, null, -1]);
  });
});

describe('recordingLoader (from @tw/kernel/testing)', () => {
  it('records each batch, so N loads can be shown to make one query', async () => {
    const [loader, calls] = recordingLoader(async (keys: readonly string[]) => orderByKeys(keys, TEACHERS, (t) => t.id));
    const names = await Promise.all(['t1', 't2', 't3'].map(async (id) => (await loader.load(id))?.name));
    expect(names).toEqual(['张三', '李四', '王五']);
    expect(calls).toEqual([['t1', 't2', 't3']]);
  });

  it('records loads made in separate ticks as separate batches', async () => {
    const [loader, calls] = recordingLoader(async (keys: readonly number[]) => keys.map((k) => k * 10));
    expect(await loader.load(1)).toBe(10);
    expect(await loader.load(2)).toBe(20);
    expect(calls).toEqual([[1], [2]]);
  });
});

describe('compositeKey', () => {
  it('is equal for equal parts and different when the parts differ or split differently', () => {
    expect(compositeKey('t1', 2024)).toBe(compositeKey('t1', 2024));
    expect(compositeKey('t1', 2024)).not.toBe(compositeKey('t1', '2024'));
    expect(compositeKey('a,b', 'c')).not.toBe(compositeKey('a', 'b,c'));
  });
});
