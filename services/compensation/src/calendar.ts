/** China Standard Time has no daylight saving: the users' calendar is UTC+8 all year. */
const UTC8_MS = 8 * 3600_000;

/** The year it is now in the users' calendar (UTC+8): 2025-12-31T16:30Z is already 2026 for them. */
export function currentYearUtc8(now = new Date()): number {
  return new Date(now.getTime() + UTC8_MS).getUTCFullYear();
}

/** Whether `year` has ended in the users' calendar: pay and benchmarks are filed for finished years only. */
export function isFinishedYear(year: number, now = new Date()): boolean {
  return year < currentYearUtc8(now);
}

/** The first year records are accepted for. */
export const MIN_YEAR = 2000;
