import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportJob } from '../entities/import-job.entity';
import { JobStore, StoredError } from '../jobs/job-store';
import { kindSpec } from '../kinds';
import { HeaderDictionary, normalizeHeader, REPORT_COLUMNS } from '../spec/header';
import { RowIssue } from '../validate/issue';
import { neutralise } from './neutralise';

const PAGE = 1000;


const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** Columns whose digits Excel must keep (ID numbers, school codes): the report makes them text. */
const DIGIT_KEYS = /^(idNumber|.*IdNumber|schoolCode)$/;

/** What the clerk does with the report, as its 说明 sheet says it. */
function guidance(job: ImportJob): string[] {
  const lines = [
    '“错误报告”工作表：被拒绝的行，列与上传的文件相同；有问题的单元格标红，错误说明写在单元格批注和“错误信息”列中。',
    '改正标红的单元格后，可以直接把本文件按同一导入类型重新导入：“错误信息”“警告信息”“原行号”列会被忽略，不必删除。',
  ];
  if (job.rowsRejected > 0 && !job.partial) {
    lines.push(
      job.dryRun
        ? '这是试导入：没有写入任何数据。'
        : '本次导入没有写入任何数据（有一行被拒绝，整个文件都不写入）：请改正后重新导入整个原文件；或用“部分导入”（命令行 --partial）先导入正确的行，再导入改正后的本报告。',
    );
  } else if (job.rowsRejected > 0) {
    lines.push('本次是部分导入：其余的行已经写入，只需改正并重新导入本报告中的行。');
  }
  if (job.rowsWarned > 0) {
    lines.push('“警告”工作表：已导入（试导入时为可以导入）但需要核对的行，标黄的单元格是按关键词归类、推测日期写法或截断的值，说明写在批注和“警告信息”列中。');
    lines.push(`共 ${job.rowsWarned} 行有警告${job.rowsWarned > 10_000 ? '（本报告列出前 10000 行）' : ''}。`);
  }
  return lines;
}

interface Layout {
  readonly titles: readonly string[];
  /** each title's column index by its normalised form (the form issues name columns by) */
  readonly byTitle: ReadonlyMap<string, number>;
  /** columns made text */
  readonly digits: ReadonlySet<number>;
}

function layoutOf(job: ImportJob): Layout {
  const titles = (job.header ? (JSON.parse(job.header) as string[]) : []).map((t) => t.replace(/\s+/g, ' ').trim());
  const byTitle = new Map<string, number>();
  titles.forEach((t, i) => {
    const n = normalizeHeader(t);
    if (n && !byTitle.has(n)) byTitle.set(n, i);
  });
  const spec = kindSpec(job.kind);
  const digits = new Set<number>();
  if (spec) {
    const dict = new HeaderDictionary(spec);
    titles.forEach((t, i) => {
      const c = t ? dict.column(t) : undefined;
      if (c && DIGIT_KEYS.test(c.key)) digits.add(i);
    });
  }
  return { titles, byTitle, digits };
}

/** One sheet of rows: the file's columns, then the messages column and the row's number in the file. */
async function writeRows(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, messages: string, layout: Layout, pages: (after: number) => Promise<StoredError[]>) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const width = layout.titles.length;
  ws.columns = [
    ...layout.titles.map((t, i) => ({ width: Math.min(40, Math.max(10, t.length * 2 + 2, layout.digits.has(i) ? 22 : 0)) })),
    { width: 80 },
    { width: 10 },
  ];
  const head = ws.addRow([...layout.titles.map((t) => neutralise(t)), messages, REPORT_COLUMNS.row]);
  head.font = { bold: true };
  head.fill = HEAD_FILL;
  head.commit();
  for (let after = 0; ; ) {
    const page = await pages(after);
    for (const e of page) {
      const cells = Array.from({ length: width }, (_, i) => neutralise(e.cells[i]));
      const shown = e.issues.filter((i) => (messages === REPORT_COLUMNS.errors ? true : i.severity === 'warning'));
      const text = shown.map((i) => `${i.severity === 'warning' ? '[警告 ' : '['}${i.code}] ${i.message}`).join('\n');
      const row = ws.addRow([...cells, neutralise(text), e.rowNumber]);
      layout.digits.forEach((i) => {
        row.getCell(i + 1).numFmt = '@';
      });
      // each problem on its cell: highlighted, with the message as the cell's comment
      const byCell = new Map<number, RowIssue[]>();
      for (const issue of shown) {
        const at = issue.column === undefined ? undefined : layout.byTitle.get(normalizeHeader(issue.column));
        if (at !== undefined) byCell.set(at, [...(byCell.get(at) ?? []), issue]);
      }
      for (const [at, issues] of byCell) {
        const cell = row.getCell(at + 1);
        const error = issues.some((i) => i.severity !== 'warning');
        cell.fill = error ? ERROR_FILL : WARNING_FILL;
        cell.note = issues.map((i) => `${i.severity === 'warning' ? '警告' : '错误'}：${i.message}`).join('\n');
      }
      row.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].rowNumber;
  }
  ws.commit();
}

/**
 * Streams the report of a job: the rejected rows as they were read, under the file's own header,
 * each bad cell highlighted with its message as the cell's comment and every problem listed in an
 * 错误信息 column ([CODE] message) — corrected, it imports as it is; the rows written with warnings
 * on a sheet of their own; and a 说明 sheet saying what to do. Every cell is neutralised so the
 * report cannot run a formula. Rows are read from the database a page at a time.
 */
export async function writeErrorReport(out: Writable, job: ImportJob, store: JobStore): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const layout = layoutOf(job);
  // the rejected rows come first: importing the corrected report reads the first sheet whose header matches
  if (job.rowsRejected > 0 || job.rowsWarned === 0) {
    await writeRows(wb, '错误报告', REPORT_COLUMNS.errors, layout, (after) => store.errors(job.id, after, PAGE));
  }
  if (job.rowsWarned > 0) await writeRows(wb, '警告', REPORT_COLUMNS.warnings, layout, (after) => store.errors(job.id, after, PAGE, true));
  const notes = wb.addWorksheet('说明');
  notes.columns = [{ width: 120 }];
  for (const line of guidance(job)) {
    const row = notes.addRow([line]);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  }
  notes.commit();
  await wb.commit();
}
