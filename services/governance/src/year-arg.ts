import { badInput } from '@tw/kernel';

/** A year argument of a query: 1990–2100, or BAD_USER_INPUT naming the value. */
export function requireYear(year: number, name = 'year'): number {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw badInput(`${name} must be a year from 1990 to 2100; got ${year}`, { field: name });
  return year;
}
