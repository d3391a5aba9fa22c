// Data gaps on the dashboard: which schools sent none of the yearly kinds a figure is counted from,
// so a 0 reads as a gap, not a zero (DistrictReport.dataGaps, SchoolReport.missingKinds).

export interface DataGap {
  readonly kind: string;
  readonly kindTitle: string;
  readonly schools: ReadonlyArray<{ readonly id: string; readonly code: string; readonly name: string }>;
}

/** A figure's gaps: the schools that sent none of one of its kinds (each once, by code), and those kinds' names. */
export function figureGaps(kinds: readonly string[], gaps: readonly DataGap[] | null | undefined): { schools: DataGap['schools'][number][]; kindTitles: string[] } {
  const of = (gaps ?? []).filter((g) => kinds.includes(g.kind) && g.schools.length);
  const schools = [...new Map(of.flatMap((g) => g.schools.map((s) => [s.id, s] as const))).values()].sort((a, b) => a.code.localeCompare(b.code));
  return { schools, kindTitles: of.map((g) => g.kindTitle) };
}

/** What a figure card says of its gaps ('' when none): 2 所学校未报送国内培训. */
export function gapSummary(kinds: readonly string[], gaps: readonly DataGap[] | null | undefined): string {
  const { schools, kindTitles } = figureGaps(kinds, gaps);
  return schools.length ? `${schools.length} 所学校未报送${kindTitles.join('、')}` : '';
}

/** A school comparison cell is a gap when it would read 0 (or nothing) and the school sent none of a kind the figure is counted from. */
export function isGapCell(kinds: readonly string[], missingKinds: readonly string[] | null | undefined, value: unknown): boolean {
  const empty = value === null || value === undefined || Number(value) === 0;
  return empty && !!missingKinds && kinds.some((k) => missingKinds.includes(k));
}
