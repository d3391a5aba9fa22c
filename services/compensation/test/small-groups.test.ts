import { suppressSmallGroups } from '../src/small-groups';

const g = (key: string, size: number, open = false) => ({ key, size, open });

describe('the small-group rule', () => {
  it('withholds groups of 1–4 teachers from a reader who cannot read them, and nothing from one who can', () => {
    const s = suppressSmallGroups([g('a', 3), g('b', 40), g('c', 12), g('d', 0)], { withTotal: false });
    expect([...s.withheld]).toEqual(['a']);
    expect(s.totalWithheld).toBe(false);
    const open = suppressSmallGroups([g('a', 3, true), g('b', 40, true)], { withTotal: true });
    expect(open.withheld.size).toBe(0);
  });

  it('withholds the next smallest group too when a total is shown, so the small group cannot be worked out', () => {
    const s = suppressSmallGroups([g('a', 3), g('b', 40), g('c', 12), g('d', 7)], { withTotal: true });
    expect([...s.withheld].sort()).toEqual(['a', 'd']);
    expect([...s.complementary]).toEqual(['d']);
    expect(s.totalWithheld).toBe(false);
  });

  it('needs no complement when the withheld groups already hold 5 teachers together', () => {
    const s = suppressSmallGroups([g('a', 3), g('b', 2), g('c', 40)], { withTotal: true });
    expect([...s.withheld].sort()).toEqual(['a', 'b']);
    expect(s.complementary.size).toBe(0);
  });

  it('withholds the total when the other groups are ones the reader knows, or the whole is small', () => {
    // a SCHOOL_ADMIN reads their own school: total − theirs would give the small school
    const s = suppressSmallGroups([g('own', 30, true), g('small', 2)], { withTotal: true });
    expect([...s.withheld]).toEqual(['small']);
    expect(s.totalWithheld).toBe(true);
    const tiny = suppressSmallGroups([g('a', 1), g('b', 2)], { withTotal: true });
    expect(tiny.totalWithheld).toBe(true);
    expect([...tiny.withheld].sort()).toEqual(['a', 'b']);
  });

  it('withholds a forced group whatever its size', () => {
    const s = suppressSmallGroups([g('a', 0), g('b', 9), g('c', 20)], { withTotal: true, force: ['a'] });
    expect([...s.withheld].sort()).toEqual(['a', 'b']);
  });
});
