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
