import { FileError } from '../file-error';
import { FileLimits } from '../guard/limits';
import { readFileHead, sniffFormat } from '../guard/sniff';
import { guardXlsx } from '../guard/zip-guard';
import { HeaderMatch } from '../spec/header';
import { KindSpec } from '../spec/kind-spec';
import { ReadRow, RowReader } from '../validate/row-reader';
import { csvSource } from './csv-source';
import { RowSource } from './source';
import { readTable } from './table';
import { xlsxSource } from './xlsx-source';

export interface ReadFileOptions {
  /** the name the file was uploaded with (CSV sheets are named after it; .xls is told by its bytes) */
  readonly fileName: string;
  readonly limits: FileLimits;
  /** the upload names the school, so the school columns may be absent */
  readonly schoolGiven: boolean;
}

export type KindFileEvent = { readonly type: 'header'; readonly sheet: string; readonly header: HeaderMatch; readonly reader: RowReader } | { readonly type: 'row'; readonly row: ReadRow };

/**
 * Opens a file's rows: what it is from its bytes, and, for an .xlsx, the zip guard before ExcelJS
 * sees it. `rowsExpected` is the largest sheet's row count (an estimate for progress bars).
 */
export async function openSource(file: string, o: Pick<ReadFileOptions, 'fileName' | 'limits'>): Promise<{ source: RowSource; rowsExpected?: number }> {
  const format = sniffFormat(readFileHead(file), o.fileName);
  const limits = { maxRows: o.limits.maxRows, maxColumns: o.limits.maxColumns };
  if (format === 'csv') return { source: csvSource(file, o.fileName, limits) };
  const report = await guardXlsx(file, o.limits);
  const rowsExpected = Math.max(0, ...report.sheets.map((s) => s.rows - 1));
  return { source: xlsxSource(file, limits), rowsExpected };
}

/**
 * Reads a school's file as a kind: the data sheet's header, then each data row with its values and
 * the problems found in it alone (types, required columns, codes, dates, ID numbers). References
 * and duplicates need the whole file and the platform: the import job checks those.
 * @example for await (const ev of readKindFile('roster.xlsx', teachersKind, { fileName: 'roster.xlsx', limits, schoolGiven: true })) …
 */
export async function* readKindFile(file: string, spec: KindSpec, o: ReadFileOptions): AsyncGenerator<KindFileEvent> {
  const { source } = await openSource(file, o);
  let reader: RowReader | undefined;
  for await (const ev of readTable(source, spec, { schoolGiven: o.schoolGiven, limits: { maxRows: o.limits.maxRows, maxColumns: o.limits.maxColumns } })) {
    if (ev.type === 'header') {
      reader = new RowReader(spec, ev.header, ev.sheet);
      yield { type: 'header', sheet: ev.sheet, header: ev.header, reader };
    } else {
      if (!reader) throw new FileError('HEADER_NOT_FOUND', '没有找到表头');
      yield { type: 'row', row: reader.read(ev.row) };
    }
  }
}
