import { reject, Rejection } from '@tw/kernel';

/** The earliest year a record of this service may carry. */
export const MIN_YEAR = 1980;

/** A year from MIN_YEAR to `latest` (the records of this service are of things that have happened). */
export function checkYear(value: number, field: string, title: string, latest: number): number | Rejection {
  if (!Number.isInteger(value) || value < MIN_YEAR || value > latest) {
    return reject('BAD_YEAR', `${title} ${value} 无效：应为 ${MIN_YEAR} 至 ${latest} 之间的年份`, field);
  }
  return value;
}

/**
 * A whole number from 0 to `max`, or null when absent. Spreadsheet numbers arrive as GraphQL Float,
 * so that 12.5 学时 is this row's rejection rather than a type error failing the whole call.
 */
export function checkCount(value: number | null | undefined, field: string, title: string, max: number, code: string): number | null | Rejection {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) return reject(code, `${title} ${value} 无效：应为不小于 0 的整数`, field);
  if (value > max) return reject(code, `${title} ${value} 无效：不应超过 ${max}`, field);
  return value;
}
