import { currentYearInChina, reject, Rejection, todayInChina } from '@tw/kernel';

// the row rules every service shares are the kernel's (cleanText, reject…); governance adds its year and date checks

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
