import ExcelJS from 'exceljs';
import { FileError } from '../file-error';
import { CellValue, plainCell } from '../spec/cell';
import { ReadLimits, SourceEvent } from './source';
import { Utf8WorkbookReader } from './utf8-workbook-reader';

/** The most rows an Excel sheet has: a larger row number (its r attribute) is a corrupt or crafted file. */
const EXCEL_MAX_ROWS = 1_048_576;

/** A sheet's name as a message shows it: at most 60 characters. */
const sheetName = (name: string) => (name.length > 60 ? `${name.slice(0, 60)}…` : name);

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
      let previous = 0;
      for await (const row of ws) {
        if (!(row.number >= 1 && row.number <= EXCEL_MAX_ROWS)) {
          throw new FileError('SHEET_ROW_NUMBER', `工作表“${sheetName(ws.name)}”中有行号为 ${String(row.number).slice(0, 20)} 的行，超出 Excel 的行号范围（1 至 ${EXCEL_MAX_ROWS}）：文件已损坏或被构造过`);
        }
        // Excel writes a sheet's rows once each, in order; a row numbered again would be two rows in one
        if (row.number <= previous) {
          throw new FileError('SHEET_ROW_NUMBER', `工作表“${sheetName(ws.name)}”中第 ${row.number} 行出现在第 ${previous} 行之后（行号重复或顺序颠倒）：文件已损坏或被构造过，请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`);
        }
        previous = row.number;
        const values = row.values as unknown[];
        // row.values is 1-based and sparse
        if (values.length - 1 > limits.maxColumns) {
          throw new FileError('TOO_MANY_COLUMNS', `工作表“${sheetName(ws.name)}”第 ${row.number} 行有 ${values.length - 1} 列，超过上限 ${limits.maxColumns} 列`);
        }
        const cells: CellValue[] = new Array(Math.max(0, values.length - 1));
        for (let i = 1; i < values.length; i++) cells[i - 1] = plainCell(values[i]);
        yield { type: 'row', number: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError('FILE_UNREADABLE', '无法读取该 .xlsx 文件：文件内容已损坏或不是标准的 Excel 格式。请用 Excel 或 WPS 打开后另存为 .xlsx 再上传', (e as Error).message);
  }
}
