import { Rejection } from '@tw/kernel';

/** Trimmed, full-width made half-width, inner runs of space made one: how text fields are stored. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

export const reject = (code: string, message: string, field?: string): Rejection => ({ code, message, field });

/** A required text field, within a length. */
export function requiredText(value: string | null | undefined, field: string, title: string, max: number): string | Rejection {
  const s = cleanText(value);
  if (!s) return reject('REQUIRED', `${title}不能为空`, field);
  if (s.length > max) return reject('TOO_LONG', `${title}“${s}”超过 ${max} 个字`, field);
  return s;
}

export function optionalText(value: string | null | undefined, field: string, title: string, max: number): string | null | Rejection {
  const s = cleanText(value);
  if (s && s.length > max) return reject('TOO_LONG', `${title}“${s}”超过 ${max} 个字`, field);
  return s;
}

export const isRejection = (v: unknown): v is Rejection => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

/** The current month, YYYY-MM (UTC+8, the users' calendar). */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The current year in the users' calendar (UTC+8). */
export function currentYear(now = new Date()): number {
  return Number(currentMonth(now).slice(0, 4));
}

/** Whether two stored values are the same for the purpose of "unchanged". */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return String(a) === String(b);
  return (a ?? null) === (b ?? null);
}
