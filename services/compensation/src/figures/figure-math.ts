import { divideRoundHalfUp, Fen, ratioOf } from '../money/fen';

/** An average of fen amounts from SQL's SUM and COUNT, rounded half-up to the fen; null over no one. */
export function averageOf(total: Fen, count: number): Fen | null {
  return count > 0 ? divideRoundHalfUp(total, BigInt(count)) : null;
}

/** An average held against a benchmark: the ratio (4 places), whether it meets it, and the gap. */
export function against(average: Fen | null, benchmark: Fen | null): { ratio: number | null; meetsPolicy: boolean | null; gap: Fen | null } {
  if (average === null || benchmark === null || benchmark <= 0n) return { ratio: null, meetsPolicy: null, gap: null };
  return { ratio: ratioOf(average, benchmark), meetsPolicy: average >= benchmark, gap: average - benchmark };
}

/** Orders two groups by their exact averages (total ÷ count), without rounding: a.total·b.count vs b.total·a.count. */
export function compareAverages(a: { total: Fen; count: number }, b: { total: Fen; count: number }): number {
  const l = a.total * BigInt(b.count);
  const r = b.total * BigInt(a.count);
  return l < r ? -1 : l > r ? 1 : 0;
}
