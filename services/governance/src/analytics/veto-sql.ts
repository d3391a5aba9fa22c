import { SANCTION_MONTHS } from '@tw/kernel';

const MONTHS_SQL = `CASE v.sanction ${Object.entries(SANCTION_MONTHS)
  .filter(([, m]) => m !== null)
  .map(([s, m]) => `WHEN '${s}' THEN ${m}`)
  .join(' ')} END`;
const PERMANENT = Object.entries(SANCTION_MONTHS)
  .filter(([, m]) => m === null)
  .map(([s]) => `'${s}'`)
  .join(', ');

// `+ 0` turns the text of a date's part into a number on both MySQL and SQLite (CAST differs between them)
const part = (from: number, length: number) => `(SUBSTR(v.occurred_on, ${from}, ${length}) + 0)`;

/**
 * rules/veto-rule.ts's "a sanctioned violation's period overlaps year Y" as a WHERE fragment over the
 * `violation v` and a years table `y (yr, first_day, last_day)`, so vetoed teachers are counted in SQL.
 *
 * - It started by the year's end: occurred_on ≤ last_day.
 * - It had not ended before the year began. The scheduled last day falls in month
 *   year·12 + month − 1 + months (counting months from year 0), or the month before when the
 *   sanction is dated the 1st (its last day is the day before the 1st); clamped month ends stay in
 *   the month. So it reaches year Y exactly when that month index is ≥ Y·12. 开除 never ends.
 * - A revocation dated R ends it on R − 1: it reaches Y when R − 1 ≥ Y-01-01, i.e. R > Y-01-01;
 *   revoked on or before its own date it never applied.
 * test/test/analytics-veto-sql.test.ts checks this against sanctionPeriod/overlapsYear day by day.
 */
export const VIOLATION_OVERLAPS_YEAR = `(v.sanction IS NOT NULL AND v.occurred_on <= y.last_day
  AND (v.revoked_on IS NULL OR (v.revoked_on > v.occurred_on AND v.revoked_on > y.first_day))
  AND (v.sanction IN (${PERMANENT}) OR ${part(1, 4)} * 12 + ${part(6, 2)} - 1 + ${MONTHS_SQL} - CASE WHEN ${part(9, 2)} = 1 THEN 1 ELSE 0 END >= y.yr * 12))`;
