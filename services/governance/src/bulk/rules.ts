import { Rejection } from '@tw/kernel';
import { currentYearInChina, todayInChina } from '../rules/dates';

/** Trimmed, full-width made half-width, inner runs of space made one: how text fields are stored. */
export function cleanText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

export const reject = (code: string, message: string, field?: string): Rejection => ({ code, message, field });

export const isRejection = (v: unknown): v is Rejection => typeof v === 'object' && v !== null && 'code' in v && 'message' in v;

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

export const MIN_YEAR = 1990;

/** A year from 1990 to the current year (plus `ahead` years: a catalogue is approved before its year). */
export function checkYear(year: number, field: string, title: string, now: Date, ahead = 0): Rejection | null {
  const max = currentYearInChina(now) + ahead;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > max) return reject('BAD_YEAR', `${title} ${year} 无效：应在 ${MIN_YEAR}–${max} 之间`, field);
  return null;
}

/** A date not later than today (UTC+8). */
export function checkNotFuture(date: string, field: string, title: string, now: Date): Rejection | null {
  const today = todayInChina(now);
  return date > today ? reject('DATE_IN_FUTURE', `${title} ${date} 晚于今天（${today}）`, field) : null;
}

/** Whether two stored values are the same for the purpose of "unchanged". */
export const same = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);
