/**
 * Money is held as integer fen (分, 1/100 yuan) in a `bigint`, from the database column to the
 * GraphQL answer: never a float, so sums of any number of records are exact to the fen.
 */
export type Fen = bigint;

/** 12 integer digits: more than any amount this service records, and far inside a signed 64-bit fen column. */
const YUAN_TEXT = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/;

/**
 * The fen an amount in yuan written as text stands for, or null when the text is not one: digits,
 * an optional point and at most two decimals (a third decimal is refused, never rounded).
 * @example parseYuan('12345.6') // 1234560n
 */
export function parseYuan(text: string): Fen | null {
  const m = YUAN_TEXT.exec(text.trim());
  if (!m) return null;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/**
 * The amount in yuan with two decimals, as people read it and the `Yuan` scalar writes it.
 * @example formatYuan(1234560n) // '12345.60'
 */
export function formatYuan(fen: Fen): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** n ÷ d rounded half away from zero (half-up on the amounts money takes), in integers. */
export function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let q = an / ad;
  if ((an % ad) * 2n >= ad) q += 1n;
  return negative ? -q : q;
}

/** n ÷ d as a number rounded half-up to `places` decimals, computed in integers. */
export function ratioOf(n: bigint, d: bigint, places = 4): number {
  const scale = 10n ** BigInt(places);
  return Number(divideRoundHalfUp(n * scale, d)) / Number(scale);
}

/**
 * A fen amount or count as a SQL driver returns it: mysql2 gives BIGINT, DECIMAL (SUM) and COUNT as
 * strings with the kernel's settings; better-sqlite3 gives integers as numbers, exact below 2^53.
 */
export function bigintFromSql(value: unknown): bigint {
  if (value === null || value === undefined) return 0n;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError(`A money or count value ${value} from the database is not an exact integer`);
    return BigInt(value);
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  // MySQL answers SUM over integers as DECIMAL, which may come back as "123.0000" on some servers
  if (typeof value === 'string' && /^-?\d+\.0+$/.test(value)) return BigInt(value.slice(0, value.indexOf('.')));
  throw new RangeError(`A money or count value ${JSON.stringify(value)} from the database is not an integer`);
}
