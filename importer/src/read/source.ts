import { CellValue } from '../spec/cell';

/** What a spreadsheet source yields, in file order: a sheet starts, or one of its rows. */
export type SourceEvent =
  | { readonly type: 'sheet'; readonly name: string }
  | { readonly type: 'row'; readonly number: number; readonly cells: CellValue[] };

export type RowSource = AsyncIterable<SourceEvent>;

/** Limits a reader enforces while it reads (the zip guard checks them before, from the XML). */
export interface ReadLimits {
  /** data rows of the sheet */
  readonly maxRows: number;
  readonly maxColumns: number;
}
