/**
 * How the console writes the report's figures: counts with thousands separators, yuan to the fen,
 * ratios as percentages, and a dash for a figure that is withheld or does not apply. The same
 * formats the workbook export uses (count, yuan, percent).
 */
export type FigureFormat = 'count' | 'yuan' | 'percent' | 'status';

/** What shows for a figure that is null: withheld by the small-group rule, or not applicable. */
export const NO_FIGURE = '—';

/** 12345 → "12,345" */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return NO_FIGURE;
  const sign = n < 0 ? '-' : '';
  return sign + group(String(Math.trunc(Math.abs(n))));
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A Yuan value as the API gives it (a decimal string, exact to the fen) → "86,400.50"; the text is
 * worked on as text, so no float rounding ever changes a fen.
 * @example formatYuan('123456.5') // '123,456.50'
 */
export function formatYuan(v: string | number | null | undefined): string {
  if (v === null || v === undefined || v === '') return NO_FIGURE;
  const text = typeof v === 'number' ? v.toFixed(2) : v.trim();
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return NO_FIGURE;
  const [, sign, whole, frac = ''] = m;
  const fen = (frac + '00').slice(0, 2);
  // the API gives at most two places; a third would be a change of the scalar, shown rather than hidden
  const extra = frac.length > 2 ? frac.slice(2).replace(/0+$/, '') : '';
  return `${sign}${group(whole.replace(/^0+(?=\d)/, ''))}.${fen}${extra}`;
}

/**
 * A ratio (0.4012) → "40.1%"; `digits` places after the point.
 * @example formatPercent(-0.125) // '-12.5%'
 */
export function formatPercent(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return NO_FIGURE;
  const pct = ratio * 100;
  // -0.0% reads as a fall that did not happen
  const fixed = Math.abs(pct) < 0.5 * 10 ** -digits ? (0).toFixed(digits) : pct.toFixed(digits);
  return `${fixed}%`;
}

/** A figure in its format; the unit is written beside it by the caller (a percent carries its own). */
export function formatFigure(value: unknown, format: FigureFormat): string {
  if (value === null || value === undefined) return NO_FIGURE;
  switch (format) {
    case 'count':
      return formatCount(typeof value === 'number' ? value : Number(value));
    case 'yuan':
      return formatYuan(typeof value === 'number' || typeof value === 'string' ? value : null);
    case 'percent':
      return formatPercent(typeof value === 'number' ? value : Number(value));
    default:
      return String(value);
  }
}

/** A number for a chart axis: Yuan strings and counts as numbers, percent as the percentage; null stays a gap. */
export function chartValue(value: unknown, format: FigureFormat): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return null;
  return format === 'percent' ? Math.round(n * 10000) / 100 : n;
}

/** The change from one year to the next, for a card: "+12" or "+3.2 个百分点"; undefined when either is missing. */
export function formatChange(current: unknown, previous: unknown, format: FigureFormat): string | undefined {
  const a = chartValue(current, format);
  const b = chartValue(previous, format);
  if (a === null || b === null) return undefined;
  const d = a - b;
  const sign = d > 0 ? '+' : d < 0 ? '-' : '±';
  if (format === 'percent') return `${sign}${Math.abs(d).toFixed(1)} 个百分点`;
  if (format === 'yuan') return `${sign}${formatYuan(Math.abs(d))}`;
  return `${sign}${formatCount(Math.abs(d))}`;
}
