export { mountReports } from './mount';
export type { ReportsOptions } from './mount';
export { SHEETS, EMPTY, reportRows, schoolHeader } from './workbook';
export { readFigures, breakdownRows, labelOf, FigureCatalogueError } from './figures';
export type { FigureCatalogue, ReportFigure, FigureRows, FigureRowSpec, BreakdownRow, EnumLabels } from './figures';
export { reportQueries } from './report-data';
