import { suppressSmallGroups } from '@tw/kernel';

const g = (key: string, size: number) => ({ key, size });
const rule = (groups: Array<{ key: string; size: number }>, withTotal: boolean, force?: string[]) => suppressSmallGroups(groups, { withTotal, force, readerSeesAll: false });

describe('the small-group rule', () => {
  it('withholds groups of 1–4 teachers, and nothing from a reader who may read the whole district', () => {
    const s = rule([g('a', 3), g('b', 40), g('c', 12), g('d', 0)], false);
    expect([...s.withheld]).toEqual(['a']);
    expect(s.totalWithheld).toBe(false);
    const all = suppressSmallGroups([g('a', 3), g('b', 40)], { withTotal: true, readerSeesAll: true });
    expect(all.withheld.size).toBe(0);
    expect(all.totalWithheld).toBe(false);
  });

  it('withholds the next smallest group too when a total is shown, so the small group cannot be worked out', () => {
    const s = rule([g('a', 3), g('b', 40), g('c', 12), g('d', 7)], true);
    expect([...s.withheld].sort()).toEqual(['a', 'd']);
    expect([...s.complementary]).toEqual(['d']);
    expect(s.totalWithheld).toBe(false);
  });

  it('needs no complement when the withheld groups already hold 5 teachers together', () => {
    const s = rule([g('a', 3), g('b', 2), g('c', 40)], true);
    expect([...s.withheld].sort()).toEqual(['a', 'b']);
    expect(s.complementary.size).toBe(0);
  });

  it('withholds the total when nothing is left to withhold, or the whole is small', () => {
    const s = rule([g('big', 30), g('small', 2)], true);
    expect([...s.withheld].sort()).toEqual(['big', 'small']);
    const tiny = rule([g('a', 1), g('b', 2)], true);
    expect(tiny.totalWithheld).toBe(true);
    expect([...tiny.withheld].sort()).toEqual(['a', 'b']);
  });

  it('withholds a forced group whatever its size', () => {
    const s = rule([g('a', 0), g('b', 9), g('c', 20)], true, ['a']);
    expect([...s.withheld].sort()).toEqual(['a', 'b']);
  });

  it('decides from the sizes alone: the withheld set has no reader in it (issue 16, finding 4)', () => {
    // the signature takes no per-group "open": what a school admin and an analyst are shown is the same set
    const groups = [g('own', 30), g('small', 3), g('mid', 8), g('big', 50)];
    const a = rule(groups, true);
    const b = rule([...groups].reverse(), true);
    expect([...a.withheld].sort()).toEqual([...b.withheld].sort());
    expect([...a.withheld].sort()).toEqual(['mid', 'small']);
  });
});
