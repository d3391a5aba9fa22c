import { DataSource } from 'typeorm';
import { Principal } from './auth/principal';
import { databaseKind } from './database/data-source';
import { badInput, forbidden } from './errors';
import { BaseContext, requireRole } from './graphql/context';

// What every service's yearly figures share: who reads them, and the few SQL helpers that let one
// statement serve MySQL/MariaDB and SQLite alike (the figures are always SQL aggregates).

/** The years a report (or any yearly query) may be asked for. */
export const MIN_REPORT_YEAR = 1990;
export const MAX_REPORT_YEAR = 2100;

/**
 * A year argument of a query, or BAD_USER_INPUT naming the value.
 * @example requireYear(args.fromYear, 'fromYear')
 */
export function requireYear(year: number, name = 'year'): number {
  if (!Number.isInteger(year) || year < MIN_REPORT_YEAR || year > MAX_REPORT_YEAR) {
    throw badInput(`${name} must be a year from ${MIN_REPORT_YEAR} to ${MAX_REPORT_YEAR}; got ${year}`, { field: name });
  }
  return year;
}

/**
 * The first year `newDesignations` counts from: `sinceYear` when given (at most `year`), else `year`.
 * @example sinceYearOf(2025, 2021) // 2021
 */
export function sinceYearOf(year: number, sinceYear: number | null | undefined): number {
  if (sinceYear === null || sinceYear === undefined) return year;
  requireYear(sinceYear, 'sinceYear');
  if (sinceYear > year) throw badInput(`sinceYear ${sinceYear} is after year ${year}: new designations are counted from sinceYear through year`, { field: 'sinceYear' });
  return sinceYear;
}

/** Reports are aggregates: DISTRICT_ADMIN, SCHOOL_ADMIN and ANALYST read them (and services), under the small-group rule; a TEACHER does not. */
export function requireReportReader(ctx: BaseContext): Principal {
  return requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'ANALYST');
}

/** A school's report row: a SCHOOL_ADMIN reads their own school's only. */
export function requireSchoolReportReader(ctx: BaseContext, schoolId: string): Principal {
  const p = requireReportReader(ctx);
  if (p.role === 'SCHOOL_ADMIN' && p.schoolId !== schoolId) {
    throw forbidden(`A SCHOOL_ADMIN token reads only its own school's report (school ${p.schoolId}); asked for school ${schoolId}`);
  }
  return p;
}

/** The schools a reader may see figures of in a per-school list: all, or a SCHOOL_ADMIN's own. */
export function visibleSchool(p: Principal): (schoolId: string) => boolean {
  return p.role === 'SCHOOL_ADMIN' ? (id) => id === p.schoolId : () => true;
}

/** `?, ?, ?` for `n` values: both MySQL and SQLite take positional parameters, but neither expands an array portably. */
export const sqlMarks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** A number from a SQL aggregate: MySQL answers COUNT and SUM as strings, SQLite as numbers, an empty SUM as null. */
export const sqlNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Runs one statement with positional parameters and types its rows. */
export function queryRows<R>(ds: DataSource, sql: string, params: readonly unknown[]): Promise<R[]> {
  return ds.query(sql, [...params]) as Promise<R[]>;
}

/**
 * The years asked, as a derived table `(yr, first_day, last_day)` to join records to the years they
 * count in (a designation valid in several years, a studio existing from its founding on), so that
 * many years are one GROUP BY yr.
 * @example const y = yearsTable([2024, 2025]); queryRows(ds, `SELECT y.yr, COUNT(*) FROM studio s JOIN (${y.sql}) y ON s.founded_year <= y.yr GROUP BY y.yr`, y.params)
 */
export function yearsTable(years: readonly number[]): { sql: string; params: unknown[] } {
  return {
    sql: years.map(() => 'SELECT ? AS yr, ? AS first_day, ? AS last_day').join(' UNION ALL '),
    params: years.flatMap((y) => [y, `${y}-01-01`, `${y}-12-31`]),
  };
}

/**
 * Names the index a statement must read, where the optimizer would pick another of the same prefix
 * and group through a temporary table instead of in the index's order.
 * @example `FROM training_participation p ${indexHint(ds, 'ix_participation_year_school')}`
 */
export function indexHint(ds: DataSource, index: string): string {
  return databaseKind(ds) === 'mysql' ? `FORCE INDEX (${index})` : `INDEXED BY ${index}`;
}
