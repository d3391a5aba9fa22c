import { newId } from '@tw/kernel';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Unix milliseconds a UUIDv7 carries in its first 48 bits. */
const timestampOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

afterEach(() => jest.restoreAllMocks());

describe('newId', () => {
  it('is a lower-case UUID in the 8-4-4-4-12 form', () => {
    const id = newId();
    expect(id).toHaveLength(36);
    expect(id).toMatch(UUID_V7);
  });

  it('has version 7 and the RFC 9562 variant, every time', () => {
    for (let i = 0; i < 500; i++) {
      const id = newId();
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
  });

  it('carries the creation time in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(timestampOf(id)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(id)).toBeLessThanOrEqual(after);
  });

  // newId never goes back in time within a process (it is monotonic), so tests that set the clock
  // anywhere they like take a fresh copy of the module.
  const freshNewId = (): typeof newId => {
    let f: typeof newId | undefined;
    jest.isolateModules(() => {
      f = (require('../src/ids') as { newId: typeof newId }).newId;
    });
    return f!;
  };

  it('encodes the time exactly, including the highest byte', () => {
    jest.spyOn(Date, 'now').mockReturnValue(0xfedcba987654);
    expect(freshNewId()().slice(0, 13)).toBe('fedcba98-7654');
    jest.spyOn(Date, 'now').mockReturnValue(1);
    expect(freshNewId()().slice(0, 13)).toBe('00000000-0001');
  });

  it('does not go back when the clock does', () => {
    const make = freshNewId();
    jest.spyOn(Date, 'now').mockReturnValue(5000);
    const a = make();
    jest.spyOn(Date, 'now').mockReturnValue(1000);
    const b = make();
    expect(b > a).toBe(true);
  });

  it('sorts ids made in different milliseconds in creation order', () => {
    let t = Date.UTC(2024, 8, 1);
    jest.spyOn(Date, 'now').mockImplementation(() => (t += 1));
    const make = freshNewId();
    const ids = Array.from({ length: 300 }, () => make());
    expect([...ids].sort()).toEqual(ids);
  });

  it('sorts ids made across byte boundaries of the timestamp in creation order', () => {
    const times = [0xff, 0x100, 0xffff, 0x10000, 0xffffffff, 0x100000000];
    let i = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => times[i++]);
    const make = freshNewId();
    const ids = times.map(() => make());
    expect([...ids].sort()).toEqual(ids);
    expect(ids.map(timestampOf)).toEqual(times);
  });

  it('sorts ids made with the real clock a few milliseconds apart in creation order', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(newId());
      await new Promise((r) => setTimeout(r, 2));
    }
    expect([...ids].sort()).toEqual(ids);
  });

  it('never repeats, even within one millisecond', () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.UTC(2024, 0, 1));
    const ids = new Set(Array.from({ length: 10000 }, () => newId()));
    expect(ids.size).toBe(10000);
  });

  it('draws fresh random bits for every id, across many refills of its random pool', () => {
    // the last 16 hex digits are random but for the variant bits: repeats would mean reused bytes
    const tails = new Set(Array.from({ length: 10000 }, () => newId().replace(/-/g, '').slice(16)));
    expect(tails.size).toBe(10000);
  });
});

describe('newId within one millisecond', () => {
  it('keeps creation order for ids made in the same millisecond', () => {
    const spy = jest.spyOn(Date, 'now').mockReturnValue(1_800_000_000_000);
    try {
      const ids = Array.from({ length: 5000 }, () => newId());
      expect([...ids].sort()).toEqual(ids);
    } finally {
      spy.mockRestore();
    }
  });
});
