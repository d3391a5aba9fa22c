import { Random } from '@tw/kernel';

describe('Random (mulberry32)', () => {
  it('draws the sequence the demo and the fuzz tests drew before they shared this generator, so old seeds replay', () => {
    // taken from the fuzz tests' own generator (test/src/random.ts) before it was replaced by this one
    const r = new Random(20261126);
    expect([r.next(), r.next(), r.next()]).toEqual([0.8969419626519084, 0.6857463242486119, 0.16515310131944716]);
    expect(Array.from({ length: 8 }, () => r.int(1, 6))).toEqual([5, 5, 2, 5, 4, 6, 3, 4]);
    expect(Array.from({ length: 5 }, () => r.pick(['a', 'b', 'c']))).toEqual(['b', 'a', 'b', 'b', 'c']);
    expect(r.bytes(8).toString('hex')).toBe('0d1506c79594e5e1');
    expect([r.chance(0.5), r.chance(0.5), r.chance(0.5)]).toEqual([true, true, true]);
  });

  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps int within its bounds, both reached, and weighted to its weights', () => {
    const r = new Random(1);
    const ints = Array.from({ length: 2000 }, () => r.int(-2, 2));
    expect(new Set(ints)).toEqual(new Set([-2, -1, 0, 1, 2]));
    const picks = Array.from({ length: 4000 }, () => r.weighted([['rare', 1], ['common', 3], ['never', 0]] as const));
    const common = picks.filter((p) => p === 'common').length / picks.length;
    expect(picks).not.toContain('never');
    expect(common).toBeGreaterThan(0.7);
    expect(common).toBeLessThan(0.8);
  });
});
