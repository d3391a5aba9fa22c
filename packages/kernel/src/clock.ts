/**
 * The clock is an input: code that asks "what day is it" asks a Clock it was given (the request
 * context's `ctx.clock`, a plan's `now` read from it), so a test can pin the day and a past day can
 * be replayed. Only `systemClock` reads the machine's time.
 */

/** Where "now" comes from. */
export interface Clock {
  now(): Date;
}

/** The machine's clock: what services use unless BUSINESS_DATE pins the day. */
export const systemClock: Clock = { now: () => new Date() };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CST_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return t.toISOString().slice(0, 10) === s;
}

/** The instant a day (YYYY-MM-DD) of the users' calendar (UTC+8) begins: 2024-05-06 begins at 2024-05-05T16:00Z. */
export function chinaDayStart(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - CST_OFFSET_MS);
}

/**
 * A clock that always answers the same instant: a day (YYYY-MM-DD) means noon of that day in China
 * (UTC+8), so the day is the same in every time zone a test runs in; anything else is read as an
 * ISO instant.
 * @example fixedClock('2026-12-03').now() // 2026-12-03T04:00:00.000Z
 */
export function fixedClock(iso: string): Clock {
  const at = isIsoDate(iso) ? new Date(chinaDayStart(iso).getTime() + DAY_MS / 2) : new Date(iso);
  if (Number.isNaN(at.getTime())) throw new Error(`fixedClock: "${iso}" is neither a day (YYYY-MM-DD) nor an ISO instant`);
  return { now: () => new Date(at.getTime()) };
}

/**
 * A clock whose day is `date` in the users' calendar while the time of day runs on `real`'s: what
 * BUSINESS_DATE gives a process, so every rule sees that day and timestamps still move forward.
 * @example businessDayClock('2026-12-03').now() // 2026-12-03 at the present time of day in China
 */
export function businessDayClock(date: string, real: Clock = systemClock): Clock {
  if (!isIsoDate(date)) throw new Error(`businessDayClock: "${date}" is not a day (YYYY-MM-DD)`);
  const start = chinaDayStart(date).getTime();
  return {
    now: () => {
      const t = real.now().getTime();
      const sinceMidnight = (((t + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
      return new Date(start + sinceMidnight);
    },
  };
}
