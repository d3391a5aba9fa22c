import type { Writable } from 'node:stream';
import { DataGap, figureGaps, isGapValue, neutraliseCell, SPONSOR, systemClock } from '@tw/kernel';
import ExcelJS from 'exceljs';
import { breakdownRows, EnumLabels, FigureCatalogue, FigureFormat, labelOf, ReportFigure } from './figures';
import type { ReportData } from './report-data';

/** The sheets, by name. */
export const SHEETS = { report: '报表', schools: '学校对比', notes: '说明' } as const;

/** What a figure's value is written as, and the cell format that shows it. */
const NUMBER_FORMATS: Record<FigureFormat, string | undefined> = { count: '#,##0', yuan: '#,##0.00', percent: '0.00%', status: undefined };
/** What an empty figure shows: not applicable, or withheld by the small-group rule (说明 says which). */
export const EMPTY = '—';

/** A value as the cell holds it: numbers as numbers (Yuan answers decimal strings), statuses as their labels, nothing as EMPTY. */
export function cellValue(format: FigureFormat, value: unknown, labels: EnumLabels | null = null): string | number {
  if (value === null || value === undefined) return EMPTY;
  if (format === 'status') return labelOf(labels, value);
  return Number(value);
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

/** Adds a row with every text cell made safe to open (school names and definitions come from data). */
function addRow(ws: ExcelJS.Worksheet, values: unknown[]): ExcelJS.Row {
  return ws.addRow(values.map((v) => neutraliseCell(v)));
}

function header(row: ExcelJS.Row): void {
  row.font = BOLD;
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.alignment = { vertical: 'middle', wrapText: true };
  });
}

/** A row of the 报表 sheet. */
export interface ReportRow {
  readonly group: string;
  readonly label: string;
  readonly value: string | number;
  readonly unit: string;
  readonly format: FigureFormat;
  readonly definition: string;
  /** the schools that sent none of a yearly kind the figure is counted from ('' when none) */
  readonly gaps: string;
}

/** What a school comparison cell shows when the school sent none of a kind the figure is counted from. */
export const NOT_SENT = '未报送';
/** The schools a 数据缺口 cell names before it says 等. */
const GAP_NAMES = 10;

/** A figure's data gaps as the 数据缺口 column writes them: how many schools sent none of which of its kinds, and the first few by name. */
export function gapText(kinds: readonly string[], gaps: readonly DataGap[] | null | undefined): string {
  const { schools, kindTitles } = figureGaps(kinds, gaps);
  if (!schools.length) return '';
  const names = schools.slice(0, GAP_NAMES).map((s) => s.name).join('、');
  return `${schools.length} 所学校未报送${kindTitles.join('、')}：${names}${schools.length > GAP_NAMES ? ' 等' : ''}`;
}

/** The 报表 rows: the district's figures by group and order, a breakdown as one row per item (and per @figureRow field). */
export function reportRows(figures: FigureCatalogue, report: Readonly<Record<string, unknown>>): ReportRow[] {
  const out: ReportRow[] = [];
  const dataGaps = report.dataGaps as readonly DataGap[] | null | undefined;
  for (const f of figures.district) {
    const gaps = gapText(f.kinds, dataGaps);
    if (f.breakdown) {
      for (const r of breakdownRows(f.breakdown, report[f.field])) out.push({ group: f.group, label: r.label, value: cellValue(r.format, r.value), unit: r.unit, format: r.format, definition: f.definition, gaps });
      continue;
    }
    const withheld = f.withheldBy !== null && report[f.withheldBy] === true;
    out.push({ group: f.group, label: f.label, value: cellValue(f.format, report[f.field], f.labels), unit: f.unit, format: f.format, definition: withheld ? `${f.definition}（本报表中已按小样本规则隐去）` : f.definition, gaps });
  }
  return out;
}

/** An instant as people in China read it, to the minute: 2026-01-05 10:00. */
const chinaMinute = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

function writeReportSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, figures: FigureCatalogue, data: ReportData, generatedAt: string): void {
  const ws = wb.addWorksheet(SHEETS.report, { views: [{ state: 'frozen', ySplit: 3 }] });
  const gapColumn = figures.dataGaps;
  ws.columns = [{ width: 18 }, { width: 40 }, { width: 16 }, { width: 8 }, { width: 90 }, ...(gapColumn ? [{ width: 60 }] : [])];
  const title = addRow(ws, [`${data.year} 年度教师队伍建设主要指标${data.frozen ? '（正式版）' : ''}`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, gapColumn ? 6 : 5);
  title.commit();
  // a frozen year's figures are the official ones: say when and by whom they were frozen
  const official = data.frozen ? `正式数据：已于 ${chinaMinute(new Date(data.frozen.frozenAt))}（北京时间）由 ${data.frozen.frozenBy} 冻结，其后的更正不计入；` : '';
  addRow(ws, [`${official}新认定名师骨干自 ${data.sinceYear} 年起计；生成于 ${generatedAt}（北京时间）；口径见“${SHEETS.notes}”表`]).commit();
  const h = addRow(ws, ['类别', '指标', '数值', '单位', '口径', ...(gapColumn ? ['数据缺口（当年未报送所依据数据的学校）'] : [])]);
  header(h);
  h.commit();
  let group = '';
  for (const r of reportRows(figures, data.report)) {
    const row = addRow(ws, [r.group === group ? '' : r.group, r.label, r.value, r.unit, r.definition, ...(gapColumn ? [r.gaps || null] : [])]);
    if (r.group !== group) row.getCell(1).font = BOLD;
    group = r.group;
    const format = NUMBER_FORMATS[r.format];
    if (format && typeof r.value === 'number') row.getCell(3).numFmt = format;
    row.getCell(3).alignment = { horizontal: 'right' };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    if (gapColumn) row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  ws.commit();
}

/**
 * A school comparison cell: the figure's value, or NOT_SENT where it would read 0 (or nothing) while the
 * school sent none of a kind the figure is counted from: that 0 is a gap. A value other than 0 stays
 * (a veto from a sanction counts without an ethics assessment); the row's 当年未报送 says what is missing.
 */
export function schoolCell(f: ReportFigure, school: Readonly<Record<string, unknown>>): string | number {
  const value = school[f.field];
  if (isGapValue(f.kinds, school.missingKinds as readonly string[] | null | undefined, value)) return NOT_SENT;
  return cellValue(f.format, value, f.labels);
}

/** A column's header: the figure's name (a column stands alone, so without 其中：) and its unit. */
export const schoolHeader = (f: Pick<ReportFigure, 'label' | 'unit'>): string => {
  const label = f.label.replace(/^其中：/, '');
  return f.unit && f.unit !== '%' ? `${label}（${f.unit}）` : label;
};

function writeSchoolSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, figures: FigureCatalogue, data: ReportData): void {
  const columns = figures.school;
  const ws = wb.addWorksheet(SHEETS.schools, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const gapColumn = figures.dataGaps;
  const kindTitles = new Map(((data.report.dataGaps ?? []) as readonly DataGap[]).map((g) => [g.kind, g.kindTitle]));
  ws.columns = [{ width: 14 }, { width: 28 }, { width: 10 }, ...columns.map(() => ({ width: 14 })), ...(gapColumn ? [{ width: 30 }] : [])];
  const h = addRow(ws, ['学校标识码', '学校名称', '举办者', ...columns.map(schoolHeader), ...(gapColumn ? ['当年未报送'] : [])]);
  header(h);
  h.height = 48;
  h.commit();
  for (const s of data.schools) {
    const school = (s.school ?? {}) as { code?: string; name?: string; sponsor?: string };
    const missing = (s.missingKinds ?? []) as readonly string[];
    const gapTitles = missing.map((k) => kindTitles.get(k) ?? k).join('、');
    const row = addRow(ws, [
      school.code ?? '',
      school.name ?? '',
      school.sponsor && SPONSOR.has(school.sponsor) ? SPONSOR.label(school.sponsor) : (school.sponsor ?? ''),
      ...columns.map((f) => schoolCell(f, s)),
      ...(gapColumn ? [gapTitles || null] : []),
    ]);
    columns.forEach((f, i) => {
      const format = NUMBER_FORMATS[f.format];
      if (format && typeof row.getCell(i + 4).value === 'number') row.getCell(i + 4).numFmt = format;
    });
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 + columns.length + (gapColumn ? 1 : 0) } };
  ws.commit();
}

function writeNotesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, figures: FigureCatalogue): void {
  const ws = wb.addWorksheet(SHEETS.notes);
  ws.columns = [{ width: 36 }, { width: 30 }, { width: 8 }, { width: 90 }, { width: 50 }, { width: 24 }];
  const title = addRow(ws, ['统计口径说明']);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const note of figures.notes) {
    const row = addRow(ws, [note]);
    ws.mergeCells(row.number, 1, row.number, 6);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
    row.commit();
  }
  addRow(ws, []).commit();
  const h = addRow(ws, ['指标', '字段', '单位', '口径', '学校对比口径', '计算服务']);
  header(h);
  h.commit();
  for (const f of figures.all) {
    const school = f.school ? (f.schoolDefinition ?? '同左') : '不列入学校对比';
    const row = addRow(ws, [f.label, f.field, f.unit, f.definition, school, f.service]);
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  ws.commit();
}

/**
 * Writes the workbook to `out` with ExcelJS's streaming writer: 报表 (the district's figures), 学校对比
 * (a row per school) and 说明 (what each figure counts).
 */
export async function writeReportWorkbook(out: Writable, figures: FigureCatalogue, data: ReportData, now = systemClock.now()): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = '教师队伍数据平台';
  wb.created = now;
  const generatedAt = chinaMinute(now);
  writeReportSheet(wb, figures, data, generatedAt);
  writeSchoolSheet(wb, figures, data);
  writeNotesSheet(wb, figures);
  await wb.commit();
}
