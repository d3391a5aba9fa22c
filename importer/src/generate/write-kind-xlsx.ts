import fs from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CellValue } from '../spec/cell';
import { ColumnSpec, KindSpec } from '../spec/kind-spec';

export interface SchoolFileOptions {
  /** the sheet's name (default: the kind's title) */
  readonly sheetName?: string;
  /** a title row above the header, as school files have (“XX学校2024年教职工基本信息表”) */
  readonly title?: string;
  /** a second line above the header (“填报单位：…”) */
  readonly subtitle?: string;
  /** the kind's columns to write, by key (default: all) */
  readonly columns?: readonly string[];
  /** header text per column key, instead of the kind's own (synonyms, `*` marks, format suffixes) */
  readonly headers?: Readonly<Record<string, string>>;
  /** a note block below the data (填表说明…) */
  readonly notes?: readonly string[];
  /** shared strings, as Excel writes them (default true) */
  readonly sharedStrings?: boolean;
  /** overrides a cell: return undefined to keep the formatted value */
  readonly cell?: (key: string, input: Readonly<Record<string, unknown>>, formatted: CellValue) => CellValue | undefined;
}

/** The value of a column for an input row, as a school would type it (labels for codes, 是/否…). */
export function cellFor(c: ColumnSpec, input: Readonly<Record<string, unknown>>): CellValue {
  return c.type.format(c.pick ? c.pick(input) : input[c.key]);
}

/**
 * Writes rows of a kind (by column key, values as the mutation input has them: `schoolCode`, `gender: 'FEMALE'`…)
 * to an .xlsx shaped like a school's file, with ExcelJS's streaming writer: memory stays flat
 * however many rows. Used by tests, the benchmark and demo data.
 * @example await writeKindXlsx(teachersKind, district.teachers, 'teachers.xlsx', { title: '2024年教职工基本信息表' });
 */
export async function writeKindXlsx(
  spec: KindSpec,
  rows: Iterable<object> | AsyncIterable<object>,
  target: string | Writable,
  o: SchoolFileOptions = {},
): Promise<{ rows: number }> {
  const stream = typeof target === 'string' ? fs.createWriteStream(target) : target;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: o.sharedStrings ?? true, useStyles: false });
  const ws = wb.addWorksheet((o.sheetName ?? spec.title).slice(0, 31));
  const columns = o.columns ? o.columns.map((k) => spec.columns.find((c) => c.key === k)!).filter(Boolean) : [...spec.columns];
  if (o.title) ws.addRow([o.title]).commit();
  if (o.subtitle) ws.addRow([o.subtitle]).commit();
  ws.addRow(columns.map((c) => o.headers?.[c.key] ?? c.header)).commit();
  let n = 0;
  for await (const row of rows) {
    const input = row as Readonly<Record<string, unknown>>;
    ws.addRow(
      columns.map((c) => {
        const v = cellFor(c, input);
        const over = o.cell?.(c.key, input, v);
        return over === undefined ? v : over;
      }),
    ).commit();
    n++;
  }
  for (const note of o.notes ?? []) ws.addRow([note]).commit();
  ws.commit();
  await wb.commit();
  if (typeof target === 'string') await new Promise<void>((resolve) => (stream.writableFinished ? resolve() : stream.once('finish', () => resolve())));
  return { rows: n };
}
