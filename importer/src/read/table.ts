import { FileError } from '../file-error';
import { CellValue, cellText, compact, isBlank } from '../spec/cell';
import { findHeader, HEADER_SCAN_ROWS, HeaderCandidate, HeaderDictionary, HeaderMatch, HeaderOptions } from '../spec/header';
import { KindSpec } from '../spec/kind-spec';
import { ReadLimits, RowSource } from './source';

/** A data row of the chosen sheet, its cells by column index from 0. */
export interface DataRow {
  readonly number: number;
  readonly cells: readonly CellValue[];
}

export type TableEvent = { readonly type: 'header'; readonly sheet: string; readonly header: HeaderMatch } | { readonly type: 'row'; readonly row: DataRow };

/** A 合计 / 总计 / 小计 row below the data. */
const TOTAL = /^(合计|总计|小计|共计)/;
/** The first cell of a note block below the data (填表说明：…, 注：…, 填表人：…). */
const NOTES = /^(填表说明|说明[:：]|注[:：]|备注[:：]|注意[:：]|填表人|填报人|审核人|制表人|负责人|单位负责人)/;

function firstText(cells: readonly CellValue[]): string | undefined {
  for (const c of cells) if (!isBlank(c)) return compact(cellText(c));
  return undefined;
}

/**
 * Picks the data sheet (the first whose header matches the kind), then yields its header and its
 * data rows: rows above the header, blank rows, 合计 rows and the note block at the bottom are
 * skipped. A file with no matching sheet fails with the best candidate's missing columns.
 */
export async function* readTable(source: RowSource, spec: KindSpec, o: HeaderOptions & { limits: ReadLimits }): AsyncGenerator<TableEvent> {
  const dict = new HeaderDictionary(spec);
  const seen: Array<{ sheet: string; best?: HeaderCandidate }> = [];
  let sheet: string | undefined;
  let scan: Array<{ number: number; cells: CellValue[] }> = [];
  let header: HeaderMatch | undefined;
  let done = false;
  let dataRows = 0;
  let mapped: number[] = [];

  let example: Array<[number, string]> = [];

  function* data(row: { number: number; cells: CellValue[] }): Generator<TableEvent> {
    if (done || row.number <= header!.rowNumber) return;
    if (mapped.every((i) => isBlank(row.cells[i] ?? null))) return;
    // the template's example row, uploaded as it was
    if (example.length && example.every(([i, text]) => compact(cellText(row.cells[i] ?? null)) === text)) return;
    const first = firstText(row.cells);
    if (first && NOTES.test(first)) {
      done = true;
      return;
    }
    if (first && TOTAL.test(first)) return;
    if (++dataRows > o.limits.maxRows) {
      throw new FileError('TOO_MANY_ROWS', `工作表“${sheet}”的数据超过 ${o.limits.maxRows} 行：请分成几个文件上传`);
    }
    yield { type: 'row', row };
  }

  /** Decides the header from the rows scanned so far; yields what follows when found. */
  function* decide(): Generator<TableEvent> {
    const found = findHeader(dict, scan, o);
    if (found && found.missing.length === 0) {
      header = found;
      mapped = [...found.columns.values(), ...found.extra.map((e) => e.index)];
      example = spec.columns.filter((c) => c.example !== null && found.columns.has(c.key)).map((c) => [found.columns.get(c.key)!, compact(cellText(c.example))]);
      yield { type: 'header', sheet: sheet!, header };
      for (const r of scan) yield* data(r);
    } else seen.push({ sheet: sheet!, best: found });
    scan = [];
  }

  for await (const ev of source) {
    if (ev.type === 'sheet') {
      if (header) break;
      if (sheet !== undefined) yield* decide();
      if (header) break;
      sheet = ev.name;
      continue;
    }
    if (header) {
      yield* data(ev);
      if (done) break;
      continue;
    }
    if (sheet === undefined) continue;
    if (scan.length < HEADER_SCAN_ROWS) {
      scan.push(ev);
      if (scan.length === HEADER_SCAN_ROWS) {
        yield* decide();
        if (!header) sheet = undefined;
      }
    }
  }
  if (!header && sheet !== undefined) yield* decide();
  if (!header) throw headerNotFound(spec, seen);
}

/** A sheet's name as a message shows it: at most 60 characters. */
function sheetName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

function headerNotFound(spec: KindSpec, seen: ReadonlyArray<{ sheet: string; best?: HeaderCandidate }>): FileError {
  const required = spec.columns.filter((c) => c.required === true).map((c) => c.header);
  const bestOf = seen.filter((s) => s.best).sort((a, b) => a.best!.missing.length - b.best!.missing.length)[0];
  if (!seen.length) return new FileError('NO_SHEET', '文件中没有工作表或没有数据');
  if (bestOf?.best) {
    return new FileError(
      'HEADER_INCOMPLETE',
      `工作表“${sheetName(bestOf.sheet)}”第 ${bestOf.best.rowNumber} 行的表头缺少必填列：${bestOf.best.missing.join('、')}。请对照“${spec.title}”模板的列名（可从 /templates/${spec.kind}.xlsx 下载）`,
    );
  }
  // the names come from the file: a few, each cut short, so the message stays a message
  const names = seen.slice(0, 10).map((s) => `“${sheetName(s.sheet)}”`).join('、') + (seen.length > 10 ? ` 等 ${seen.length} 个工作表` : '');
  return new FileError(
    'HEADER_NOT_FOUND',
    `在工作表 ${names} 的前 ${HEADER_SCAN_ROWS} 行中没有找到“${spec.title}”的表头（应包含 ${required.join('、')}）。请确认上传的文件类型是否选对`,
  );
}
