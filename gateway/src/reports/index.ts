export { mountReports } from './mount';
export type { ReportsOptions } from './mount';
export { SHEETS, EMPTY, reportRows, schoolHeader } from './workbook';
export { FIGURES, BREAKDOWNS, SCHOOL_FIGURES, DISTRICT_FIGURES, GENERAL_NOTES } from './figures';
export type { Figure, Breakdown, BreakdownRow } from './figures';
