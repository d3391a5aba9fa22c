import { CellValue } from '../spec/cell';

/**
 * A cell made safe to open: text that starts with = + - @ (or a tab or carriage return, which some
 * programs skip before them) gets a leading apostrophe, so no spreadsheet program runs it as a
 * formula (OWASP “CSV injection”), even after the report is saved as CSV.
 */
export function neutralise(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
