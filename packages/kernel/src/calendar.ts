/**
 * The users' calendar (China Standard Time, UTC+8, no daylight saving) and calendar dates as
 * `YYYY-MM-DD` strings, the form date columns hold: compared as text and computed in UTC, so no time
 * zone can move a sanction's end by a day. "Today" is always asked of a Clock (or an instant read
 * from one): nothing here reads the machine's time.
 */
import type { Clock } from './clock';

const CST_OFFSET_MS = 8 * 3600_000;

/** A clock to read, or an instant already read from one (a bulk plan's `now`). */
export type ClockOrInstant = Clock | Date;

const instant = (at: ClockOrInstant): Date => (at instanceof Date ? at : at.now());

/** Today in the users' calendar, YYYY-MM-DD. @example todayInChina(ctx.clock) */
export function todayInChina(at: ClockOrInstant): string {
  return new Date(instant(at).getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current month in the users' calendar, YYYY-MM. */
export function currentMonthInChina(at: ClockOrInstant): string {
  return todayInChina(at).slice(0, 7);
}

/** The current year in the users' calendar: 2025-12-31T16:30Z is already 2026 there. */
export function currentYearInChina(at: ClockOrInstant): number {
  return Number(todayInChina(at).slice(0, 4));
}

/** Whether `year` has ended in the users' calendar (pay and benchmarks are filed for finished years only). */
export function isFinishedYear(year: number, at: ClockOrInstant): boolean {
  return year < currentYearInChina(at);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parts(date: string): { y: number; m: number; d: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { y, m, d };
}

function format(y: number, m: number, d: number): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The date `n` days after `date` (before, when negative). */
export function addDays(date: string, n: number): string {
  const { y, m, d } = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/**
 * The last day of a period of `months` calendar months that starts on (and counts) `from`: the day
 * before the same day of the month `months` later; when that month has no such day (the 31st, six
 * months before February), the last day of that month.
 * @example lastDayOfMonths('2024-03-15', 6) // '2024-09-14'
 * @example lastDayOfMonths('2023-08-31', 6) // '2024-02-29'
 */
export function lastDayOfMonths(from: string, months: number): string {
  const { y, m, d } = parts(from);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = daysInMonth(ty, tm);
  return d > last ? format(ty, tm, last) : addDays(format(ty, tm, d), -1);
}

export const yearStart = (year: number): string => `${pad(year, 4)}-01-01`;
export const yearEnd = (year: number): string => `${pad(year, 4)}-12-31`;
export const yearOf = (date: string): number => Number(date.slice(0, 4));
