/**
 * Small rules every bulk plan uses on its rows: text cleaned the same way everywhere, rejections
 * built the same way (the users' calendar is calendar.ts).
 */

/** Trimmed, full-width made half-width, inner runs of space made one; empty becomes null. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** A row refused, with a stable code and a message for people. */
export interface Rejection {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

export const reject = (code: string, message: string, field?: string): Rejection => ({ code, message, field });

export const isRejection = (v: unknown): v is Rejection =>
  typeof v === 'object' && v !== null && typeof (v as Rejection).code === 'string' && typeof (v as Rejection).message === 'string';

/** A required text field, within a length; `title` names it for people (姓名). */
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
