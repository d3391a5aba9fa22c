import { Kind } from 'graphql';
import { bigintFromSql, divideRoundHalfUp, formatYuan, parseYuan, ratioOf } from '../src/money/fen';
import { Yuan } from '../src/money/yuan.scalar';

describe('yuan as integer fen', () => {
  it('reads amounts with up to two decimals exactly, and refuses anything else', () => {
    expect(parseYuan('12345.67')).toBe(1234567n);
    expect(parseYuan('12345.6')).toBe(1234560n);
    expect(parseYuan('12345')).toBe(1234500n);
    expect(parseYuan(' 0.01 ')).toBe(1n);
    expect(parseYuan('-5.5')).toBe(-550n);
    for (const bad of ['1.005', '12,345.67', '1e5', '', '.5', '5.', 'abc', '1234567890123.00']) expect(parseYuan(bad)).toBeNull();
  });

  it('writes two decimals, signs included', () => {
    expect(formatYuan(1234567n)).toBe('12345.67');
    expect(formatYuan(5n)).toBe('0.05');
    expect(formatYuan(-50n)).toBe('-0.50');
    expect(formatYuan(0n)).toBe('0.00');
  });

  it('divides rounding half-up to the fen, and gives ratios to 4 places', () => {
    expect(divideRoundHalfUp(10n, 4n)).toBe(3n); // 2.5 → 3
    expect(divideRoundHalfUp(9n, 4n)).toBe(2n); // 2.25 → 2
    expect(divideRoundHalfUp(-10n, 4n)).toBe(-3n);
    expect(divideRoundHalfUp(2n, 3n)).toBe(1n);
    expect(ratioOf(2n, 3n)).toBe(0.6667);
    expect(ratioOf(10_000_00n, 9_999_99n)).toBe(1);
    expect(() => divideRoundHalfUp(1n, 0n)).toThrow(RangeError);
  });

  it('takes what the drivers answer for sums and counts, refusing inexact ones', () => {
    expect(bigintFromSql('123456789012345678')).toBe(123456789012345678n);
    expect(bigintFromSql(42)).toBe(42n);
    expect(bigintFromSql('7.0000')).toBe(7n);
    expect(bigintFromSql(null)).toBe(0n);
    expect(() => bigintFromSql(2 ** 60)).toThrow(/not an exact integer/);
    expect(() => bigintFromSql('1.5')).toThrow(/not an integer/);
  });
});

describe('the Yuan scalar', () => {
  it('serializes fen as a decimal string', () => {
    expect(Yuan.serialize(1234567n)).toBe('12345.67');
    expect(() => Yuan.serialize(12345.67)).toThrow(/bigint/);
  });

  it('parses strings and numbers with at most two decimals, refusing more with the value in the message', () => {
    expect(Yuan.parseValue('12345.67')).toBe(1234567n);
    expect(Yuan.parseValue(12345.67)).toBe(1234567n);
    expect(Yuan.parseValue(70000)).toBe(7000000n);
    expect(() => Yuan.parseValue('1.005')).toThrow('Yuan must be an amount in yuan with at most two decimals, as a string ("12345.67") or a number; got "1.005"');
    expect(() => Yuan.parseValue(0.1 + 0.2)).toThrow(/0\.30000000000000004/);
    expect(() => Yuan.parseValue(Number.NaN)).toThrow(/at most two decimals/);
    expect(() => Yuan.parseValue(true)).toThrow(/got true/);
  });

  it('parses literals from their text, so a float literal with three decimals is refused as written', () => {
    expect(Yuan.parseLiteral({ kind: Kind.FLOAT, value: '12345.67' })).toBe(1234567n);
    expect(Yuan.parseLiteral({ kind: Kind.INT, value: '500' })).toBe(50000n);
    expect(Yuan.parseLiteral({ kind: Kind.STRING, value: '0.10' })).toBe(10n);
    expect(() => Yuan.parseLiteral({ kind: Kind.FLOAT, value: '1.005' })).toThrow(/got "1.005"/);
  });
});
