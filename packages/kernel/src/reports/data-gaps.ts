// The data-gap rule, in one place for the workbook export (gateway) and the console (browser): a
// school that sent none of a yearly kind a figure is counted from has a gap there, not a zero
// (DistrictReport.dataGaps, SchoolReport.missingKinds). Plain TypeScript with no imports, so the
// console bundles it as it is.

/** A yearly kind of record and the schools that sent none of it for the year (DistrictReport.dataGaps). */
export interface DataGap {
  readonly kind: string;
  readonly kindTitle: string;
  readonly schools: ReadonlyArray<{ readonly code: string; readonly name: string }>;
}

/**
 * A figure's gaps: the schools that sent none of one of the kinds it is counted from (each once,
 * ordered by code), and those kinds' names.
 * @example const { schools, kindTitles } = figureGaps(['TRAINING'], report.dataGaps); // 2 所学校未报送国内培训
 */
export function figureGaps<S extends DataGap['schools'][number]>(
  kinds: readonly string[],
  gaps: ReadonlyArray<{ readonly kind: string; readonly kindTitle: string; readonly schools: readonly S[] }> | null | undefined,
): { schools: S[]; kindTitles: string[] } {
  const of = (gaps ?? []).filter((g) => kinds.includes(g.kind) && g.schools.length);
  const schools = [...new Map(of.flatMap((g) => g.schools.map((s) => [s.code, s] as const))).values()].sort((a, b) => a.code.localeCompare(b.code));
  return { schools, kindTitles: of.map((g) => g.kindTitle) };
}

/**
 * A school's value of a figure is a gap when it would read 0 (or nothing) and the school sent none of
 * a kind the figure is counted from. A value other than 0 stays: a veto from a sanction counts without
 * an ethics assessment.
 * @example isGapValue(['ETHICS'], school.missingKinds, school.ethicsPassRate) // true: 未报送, not 0
 */
export function isGapValue(kinds: readonly string[], missingKinds: readonly string[] | null | undefined, value: unknown): boolean {
  const empty = value === null || value === undefined || Number(value) === 0;
  return empty && !!missingKinds && kinds.some((k) => missingKinds.includes(k));
}
