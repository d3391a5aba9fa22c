import { chartValue, formatChange, formatCount, formatFigure, formatPercent, formatYuan, NO_FIGURE } from '../src/lib/format';

describe('how the console writes a figure', () => {
  it('writes counts with thousands separators, and a dash for a figure that is missing', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1200)).toBe('-1,200');
    expect(formatCount(null)).toBe(NO_FIGURE);
    expect(formatCount(Number.NaN)).toBe(NO_FIGURE);
  });

  it('writes yuan from the API’s decimal text to the fen, never through a float', () => {
    expect(formatYuan('123456.5')).toBe('123,456.50');
    expect(formatYuan('86400')).toBe('86,400.00');
    // 0.1 + 0.2 in a float: the text keeps the exact fen
    expect(formatYuan('9007199254740993.07')).toBe('9,007,199,254,740,993.07');
    expect(formatYuan('-0.05')).toBe('-0.05');
    expect(formatYuan('007.1')).toBe('7.10');
    expect(formatYuan(null)).toBe(NO_FIGURE);
    expect(formatYuan('not money')).toBe(NO_FIGURE);
  });

  it('writes ratios as percentages with one place, and no "-0.0%" for a change that rounds to nothing', () => {
    expect(formatPercent(0.4012)).toBe('40.1%');
    expect(formatPercent(1.0345)).toBe('103.5%');
    expect(formatPercent(-0.125)).toBe('-12.5%');
    expect(formatPercent(-0.0004)).toBe('0.0%');
    expect(formatPercent(0.4012, 2)).toBe('40.12%');
    expect(formatPercent(null)).toBe(NO_FIGURE);
  });

  it('writes a figure in the format its definition names', () => {
    expect(formatFigure(1500, 'count')).toBe('1,500');
    expect(formatFigure('5200.1', 'yuan')).toBe('5,200.10');
    expect(formatFigure(0.25, 'percent')).toBe('25.0%');
    // withheld by the small-group rule: the API answers null
    expect(formatFigure(null, 'yuan')).toBe(NO_FIGURE);
  });

  it('gives charts numbers (percent as the percentage) and leaves a missing year as a gap', () => {
    expect(chartValue('86400.50', 'yuan')).toBe(86400.5);
    expect(chartValue(0.40123, 'percent')).toBe(40.12);
    expect(chartValue(null, 'count')).toBeNull();
    expect(chartValue('', 'yuan')).toBeNull();
  });

  it('says the change from last year in the figure’s own terms', () => {
    expect(formatChange(120, 100, 'count')).toBe('+20');
    expect(formatChange(90, 100, 'count')).toBe('-10');
    expect(formatChange(0.41, 0.4, 'percent')).toBe('+1.0 个百分点');
    expect(formatChange('5000', '5200.5', 'yuan')).toBe('-200.50');
    expect(formatChange(100, 100, 'count')).toBe('±0');
    expect(formatChange(100, null, 'count')).toBeUndefined();
  });
});
