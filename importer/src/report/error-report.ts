import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportJob } from '../entities/import-job.entity';
import { JobStore } from '../jobs/job-store';
import { neutralise } from './neutralise';

const PAGE = 1000;

/**
 * Streams the error report of a job: the rejected rows as they were read, under the file's own
 * header, with an 错误信息 column listing every problem of the row ([CODE] message). Every cell is
 * neutralised so the report cannot run a formula. Rows are read from the database a page at a time.
 */
export async function writeErrorReport(out: Writable, job: ImportJob, store: JobStore): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('错误报告');
  const titles = (job.header ? (JSON.parse(job.header) as string[]) : []).map((t) => t.replace(/\s+/g, ' ').trim());
  const width = titles.length;
  const head = ws.addRow([...titles.map((t) => neutralise(t)), '错误信息']);
  head.font = { bold: true };
  head.commit();
  ws.getColumn(width + 1).width = 80;
  for (let after = 0; ; ) {
    const page = await store.errors(job.id, after, PAGE);
    for (const e of page) {
      const cells = Array.from({ length: width }, (_, i) => neutralise(e.cells[i]));
      const message = e.issues.map((i) => `[${i.code}] ${i.message}`).join('\n');
      const row = ws.addRow([...cells, neutralise(message)]);
      row.getCell(width + 1).alignment = { wrapText: true, vertical: 'top' };
      row.commit();
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1].rowNumber;
  }
  ws.commit();
  await wb.commit();
}
