import type { Writable } from 'node:stream';
import { REFORM_STATUS, SPONSOR } from '@tw/kernel';
import ExcelJS from 'exceljs';
import { Breakdown, BREAKDOWNS, codeLabel, DISTRICT_FIGURES, Figure, FigureFormat, GENERAL_NOTES, SCHOOL_FIGURES } from './figures';
import type { ReportData } from './report-data';

/** The sheets, by name. */
export const SHEETS = { report: '报表', schools: '学校对比', notes: '说明' } as const;

/** What a figure's value is written as, and the cell format that shows it. */
const NUMBER_FORMATS: Record<FigureFormat, string | undefined> = { count: '#,##0', yuan: '#,##0.00', percent: '0.00%', status: undefined };
/** What an empty figure shows: not applicable, or withheld by the small-group rule (说明 says which). */
export const EMPTY = '—';

/** A value as the cell holds it: numbers as numbers (Yuan answers decimal strings), reform statuses in Chinese, nothing as EMPTY. */
export function cellValue(format: FigureFormat, value: unknown): string | number {
  if (value === null || value === undefined) return EMPTY;
  if (format === 'status') return codeLabel(REFORM_STATUS, value);
  return Number(value);
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

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
}

/** The 报表 rows: each group's figures in order, each breakdown's items right after the figure it breaks down. */
export function reportRows(report: Readonly<Record<string, unknown>>): ReportRow[] {
  const out: ReportRow[] = [];
  for (const f of DISTRICT_FIGURES) {
    const withheld = report.payWithheld === true && ['averageTeacherPay', 'payParityRatio'].includes(f.field);
    out.push({ group: f.group, label: f.label, value: cellValue(f.format, report[f.field]), unit: f.unit, format: f.format, definition: withheld ? `${f.definition}（本报表中已按小样本规则隐去）` : f.definition });
    for (const b of BREAKDOWNS.filter((x) => x.after === f.field)) {
      const raw = report[b.field];
      const items = (Array.isArray(raw) ? raw : [raw ?? {}]) as Array<Record<string, unknown>>;
      for (const item of b.rows(items)) {
        const format = item.format ?? b.format;
        out.push({ group: b.group, label: item.label, value: cellValue(format, item.value), unit: item.unit ?? b.unit, format, definition: b.definition });
      }
    }
  }
  return out;
}

function writeReportSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, data: ReportData, generatedAt: string): void {
  const ws = wb.addWorksheet(SHEETS.report, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = [{ width: 18 }, { width: 40 }, { width: 16 }, { width: 8 }, { width: 90 }];
  const title = ws.addRow([`${data.year} 年度教师队伍建设主要指标`]);
  title.font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 5);
  title.commit();
  ws.addRow([`新认定名师骨干自 ${data.sinceYear} 年起计；生成于 ${generatedAt}（北京时间）；口径见“${SHEETS.notes}”表`]).commit();
  const h = ws.addRow(['类别', '指标', '数值', '单位', '口径']);
  header(h);
  h.commit();
  let group = '';
  for (const r of reportRows(data.report)) {
    const row = ws.addRow([r.group === group ? '' : r.group, r.label, r.value, r.unit, r.definition]);
    if (r.group !== group) row.getCell(1).font = BOLD;
    group = r.group;
    const format = NUMBER_FORMATS[r.format];
    if (format && typeof r.value === 'number') row.getCell(3).numFmt = format;
    row.getCell(3).alignment = { horizontal: 'right' };
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  ws.commit();
}

/** A column's header: the figure's name (a column stands alone, so without 其中：) and its unit. */
export const schoolHeader = (f: Figure): string => {
  const label = f.label.replace(/^其中：/, '');
  return f.unit && f.unit !== '%' ? `${label}（${f.unit}）` : label;
};

function writeSchoolSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, data: ReportData): void {
  const ws = wb.addWorksheet(SHEETS.schools, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  ws.columns = [{ width: 14 }, { width: 28 }, { width: 10 }, ...SCHOOL_FIGURES.map(() => ({ width: 14 }))];
  const h = ws.addRow(['学校标识码', '学校名称', '举办者', ...SCHOOL_FIGURES.map(schoolHeader)]);
  header(h);
  h.height = 48;
  h.commit();
  for (const s of data.schools) {
    const school = (s.school ?? {}) as { code?: string; name?: string; sponsor?: string };
    const row = ws.addRow([school.code ?? '', school.name ?? '', codeLabel(SPONSOR, school.sponsor), ...SCHOOL_FIGURES.map((f) => cellValue(f.format, s[f.field]))]);
    SCHOOL_FIGURES.forEach((f, i) => {
      const format = NUMBER_FORMATS[f.format];
      if (format && typeof row.getCell(i + 4).value === 'number') row.getCell(i + 4).numFmt = format;
    });
    row.commit();
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 + SCHOOL_FIGURES.length } };
  ws.commit();
}

function writeNotesSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const ws = wb.addWorksheet(SHEETS.notes);
  ws.columns = [{ width: 36 }, { width: 30 }, { width: 8 }, { width: 90 }, { width: 50 }, { width: 24 }];
  const title = ws.addRow(['统计口径说明']);
  title.font = { bold: true, size: 14 };
  title.commit();
  for (const note of GENERAL_NOTES) {
    const row = ws.addRow([note]);
    ws.mergeCells(row.number, 1, row.number, 6);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
    row.commit();
  }
  ws.addRow([]).commit();
  const h = ws.addRow(['指标', '字段', '单位', '口径', '学校对比口径', '计算服务']);
  header(h);
  h.commit();
  const all: Array<Figure | Breakdown> = [...DISTRICT_FIGURES.flatMap((f) => [f, ...BREAKDOWNS.filter((b) => b.after === f.field)]), ...SCHOOL_FIGURES.filter((f) => !DISTRICT_FIGURES.includes(f))];
  for (const f of all) {
    const school = 'school' in f && f.school ? (f.schoolDefinition ?? '同左') : '不列入学校对比';
    const row = ws.addRow([f.label, f.field, f.unit, f.definition, school, f.service]);
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
export async function writeReportWorkbook(out: Writable, data: ReportData, now = new Date()): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = '教师队伍数据平台';
  wb.created = now;
  const generatedAt = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  writeReportSheet(wb, data, generatedAt);
  writeSchoolSheet(wb, data);
  writeNotesSheet(wb);
  await wb.commit();
}
