/**
 * What a spreadsheet cell holds once ExcelJS's wrappers are taken off: text, a number, a boolean, a
 * date, or nothing. Formula cells become their cached result, rich text and hyperlinks their text.
 */
export type CellValue = string | number | boolean | Date | null;

interface RichTextRun {
  readonly text?: unknown;
}

/** Unwraps an ExcelJS cell value (formula, rich text, hyperlink, error…) into a CellValue. */
export function plainCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'boolean':
      return v;
    case 'object':
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as RichTextRun[]).map((r) => (r.text === undefined || r.text === null ? '' : String(r.text))).join('');
  // a formula's cached result; a formula never calculated has none
  if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainCell(o.result) : null;
  if ('text' in o) return plainCell(o.text);
  if ('error' in o) return String(o.error);
  if ('result' in o) return plainCell(o.result);
  return null;
}

/** A cell as text, the way Excel's formula bar shows it (whole numbers below 1e21 without exponent). */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v.toISOString().slice(0, 10);
}

/** Whether the cell is empty or only white space. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** Text made comparable: full-width to half-width, every run of white space removed. */
export function compact(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00a0\u200b\u3000]+/g, '');
}

/** Text as a record stores it: full-width to half-width, trimmed, inner runs of space made one. */
export function cleanCellText(v: CellValue): string | null {
  if (v === null) return null;
  const s = cellText(v).normalize('NFKC').replace(/[\s\u00a0\u200b\u3000]+/g, ' ').trim();
  return s === '' ? null : s;
}
