import ExcelJS from 'exceljs';
import { FileError } from '../file-error';
import { CellValue, plainCell } from '../spec/cell';
import { ReadLimits, SourceEvent } from './source';
import { Utf8WorkbookReader } from './utf8-workbook-reader';

/**
 * Reads an .xlsx with ExcelJS's streaming reader, a row at a time: the workbook is never held in
 * memory. Styles are not read (faster): date cells come as serial numbers, which the date columns
 * read. Only call it on a file the zip guard has passed.
 */
export async function* xlsxSource(file: string, limits: ReadLimits): AsyncGenerator<SourceEvent> {
  const reader = new Utf8WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      const ws = sheet as AsyncIterable<ExcelJS.Row> & { name: string };
      yield { type: 'sheet', name: ws.name };
      for await (const row of ws) {
        const values = row.values as unknown[];
        // row.values is 1-based and sparse
        if (values.length - 1 > limits.maxColumns) {
          throw new FileError('TOO_MANY_COLUMNS', `工作表“${ws.name}”第 ${row.number} 行有 ${values.length - 1} 列，超过上限 ${limits.maxColumns} 列`);
        }
        const cells: CellValue[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = plainCell(values[i]);
        yield { type: 'row', number: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError('FILE_UNREADABLE', `无法读取该 .xlsx 文件（${(e as Error).message}）：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`);
  }
}
