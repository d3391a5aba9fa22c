import { badInput } from '@tw/kernel';

/** The years a report may be asked for. */
export const MIN_REPORT_YEAR = 1990;
export const MAX_REPORT_YEAR = 2100;
/** The most years one `districtReports` answers (one entity per year). */
export const MAX_TREND_YEARS = 30;

/** A report's year, or BAD_USER_INPUT naming the value. */
export function reportYear(year: number, name = 'year'): number {
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
  reportYear(sinceYear, 'sinceYear');
  if (sinceYear > year) throw badInput(`sinceYear ${sinceYear} is after year ${year}: new designations are counted from sinceYear through year`, { field: 'sinceYear' });
  return sinceYear;
}

export { requireReportReader, requireSchoolReportReader } from '@tw/kernel';
