import { env, EnvVar, readEnv } from '../config/env';

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The statistics day (统计日) of every year's figures, MM-DD: a year's report counts the teachers
 * serving on that day of the year, at the school they were at, with the status they had. Set by
 * STATISTICS_DAY (default 12-31).
 */
export function statisticsMonthDay(source: NodeJS.ProcessEnv = process.env): string {
  return readEnv({ STATISTICS_DAY: STATISTICS_DAY_VAR }, source).STATISTICS_DAY;
}

/** How STATISTICS_DAY is read (readCommonConfig checks it when a process starts). */
export const STATISTICS_DAY_VAR: EnvVar<string> = {
  ...env.string('12-31'),
  describe: 'a day of the year as MM-DD (e.g. 12-31, 08-31; not 02-29)',
  parse: (raw: string) => {
    if (!MONTH_DAY.test(raw) || ['02-29', '02-30', '02-31', '04-31', '06-31', '09-31', '11-31'].includes(raw)) throw new Error('not MM-DD');
    return raw;
  },
};

/** The statistics day of a year, YYYY-MM-DD (e.g. 2024 → 2024-12-31). */
export function statisticsDay(year: number, monthDay = statisticsMonthDay()): string {
  return `${String(year).padStart(4, '0')}-${monthDay}`;
}

/**
 * SQL of an entity table as of a day, from its version table: one row per record with the columns
 * the record had that day (`id` = the record's id), leaving out records not yet created, deleted,
 * and versions a correction superseded. Use as a derived table; the day is bound twice.
 * @example const t = asOfTable('teacher'); `SELECT … FROM ${t.sql} t …`, [...t.params(day)]
 */
export function asOfTable(table: string, columns: readonly string[] | '*' = '*'): { sql: string; params: (day: string) => string[] } {
  const cols = columns === '*' ? 'v.*, v.record_id AS id' : ['v.record_id AS id', ...columns.filter((c) => c !== 'id').map((c) => `v.${c}`)].join(', ');
  return {
    sql: `(SELECT ${cols} FROM ${table}_version v WHERE v.valid_from <= ? AND (v.valid_to IS NULL OR v.valid_to > ?) AND v.superseded_at IS NULL AND v.op <> 'delete')`,
    params: (day) => [day, day],
  };
}

/** A day a figure is computed as of, with the year it is the figure of. */
export interface AsOfDay {
  readonly year: number;
  /** YYYY-MM-DD: the year's statistics day, or any day asked */
  readonly day: string;
}

/**
 * SQL of an entity table as it was on each day asked, from its version table, as one derived table:
 * every record's columns as they were that day (`id` = the record's id) with `as_of_year` and
 * `as_of_day`, one row per record and day, leaving out records not yet created, deleted, and versions
 * a correction superseded. With `yearOf` (a column of a record that carries its own year, or an SQL
 * expression over the version `v`), each record is read on its own year's day only: a pay record of
 * 2024 as it was on 2024's statistics day. Every report figure of a year reads its records through
 * this (personnel's roster, and every service's per-record figures), so writing a later year never
 * changes an earlier year's figures, unless the write is dated in that year (a correction).
 * @example const v = versionsOn('pay_record', statisticsDays([2024, 2025]), { yearOf: 'year' });
 *   `SELECT p.as_of_year, p.school_id, COUNT(*) FROM ${v.sql} p GROUP BY p.as_of_year, p.school_id`, v.params
 */
export function versionsOn(table: string, days: readonly AsOfDay[], o: { readonly yearOf?: string } = {}): { sql: string; params: Array<string | number> } {
  if (!days.length) throw new Error('versionsOn: no day asked');
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`versionsOn: "${table}" is not a table name`);
  const yearOf = o.yearOf === undefined ? null : /^[a-z_][a-z0-9_]*$/.test(o.yearOf) ? `v.${o.yearOf}` : o.yearOf;
  const dayTable = days.map(() => 'SELECT ? AS as_of_year, ? AS as_of_day').join(' UNION ALL ');
  return {
    sql: `(SELECT v.*, v.record_id AS id, y.as_of_year AS as_of_year, y.as_of_day AS as_of_day FROM (${dayTable}) y
      JOIN ${table}_version v ON v.valid_from <= y.as_of_day AND (v.valid_to IS NULL OR v.valid_to > y.as_of_day)${yearOf ? ` AND ${yearOf} = y.as_of_year` : ''}
      WHERE v.superseded_at IS NULL AND v.op <> 'delete')`,
    params: days.flatMap((d) => [d.year, d.day]),
  };
}

/** The statistics days of the years asked (see statisticsDay). */
export function statisticsDays(years: readonly number[], monthDay = statisticsMonthDay()): AsOfDay[] {
  return [...new Set(years)].map((year) => ({ year, day: statisticsDay(year, monthDay) }));
}

/**
 * `validFromOf` of a record that carries its own year (a pay record of 2025, a year's assessment): a
 * created record is valid from its year's first day, so a year's file written after the year's
 * statistics day (2025's pay, imported in 2026) counts in that year; a later change takes effect on
 * its own day (the call's asOf, else today), so correcting a past year is a write dated in it.
 * @example audit: { entity: 'pay_record', target: PayRecord, validFromOf: fromItsYear((r) => r.year) }
 */
export function fromItsYear<W>(yearOf: (write: W) => number | null | undefined): (write: W, before: object | null) => string | null {
  return (write, before) => {
    const year = yearOf(write);
    return before || year === null || year === undefined ? null : `${String(year).padStart(4, '0')}-01-01`;
  };
}
