/**
 * When a designation counts: "valid in year Y" when it was conferred in Y or before (year ≤ Y) and
 * has not expired before Y began (no 有效期至, or 有效期至 ≥ Y-01-01). A designation expiring during Y
 * therefore still counts for Y: it was held in that year.
 *
 * The same rule is written twice, for rows in memory and as SQL; the tests check they agree.
 */
export interface DesignationTerm {
  readonly year: number;
  /** 有效期至, YYYY-MM-DD; null when it does not expire */
  readonly validUntil: string | null;
}

export function isValidInYear(d: DesignationTerm, year: number): boolean {
  return d.year <= year && (d.validUntil === null || d.validUntil >= firstDayOf(year));
}

/** The first day of a year, as the `date` columns hold it. */
export const firstDayOf = (year: number): string => `${String(year).padStart(4, '0')}-01-01`;

/**
 * isValidInYear as a WHERE fragment over the `designation` alias `alias`, with its parameters
 * (named after `tag`, so two fragments can share a query).
 * @example qb.andWhere(...validInYearSql('d', 2024))
 */
export function validInYearSql(alias: string, year: number, tag = 'valid'): [string, Record<string, unknown>] {
  return [
    `(${alias}.year <= :${tag}Year AND (${alias}.valid_until IS NULL OR ${alias}.valid_until >= :${tag}Start))`,
    { [`${tag}Year`]: year, [`${tag}Start`]: firstDayOf(year) },
  ];
}
