import { FileError } from '../file-error';
import { CellValue, cellText, compact, isBlank } from '../spec/cell';
import { KINDS } from '../kinds';
import { ColumnMappings, findHeader, HEADER_SCAN_ROWS, HeaderCandidate, HeaderDictionary, HeaderMatch, HeaderOptions } from '../spec/header';
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
export async function* readTable(source: RowSource, spec: KindSpec, o: HeaderOptions & { limits: ReadLimits; mappings?: ColumnMappings }): AsyncGenerator<TableEvent> {
  const dict = new HeaderDictionary(spec, o.mappings);
  const seen: Array<{ sheet: string; best?: HeaderCandidate; rows: ReadonlyArray<{ number: number; cells: CellValue[] }> }> = [];
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
      const other = betterKind(spec, found, scan);
      if (other) throw wrongKind(spec, other, sheet!);
      header = found;
      mapped = [...found.columns.values(), ...found.extra.map((e) => e.index)];
      example = spec.columns.filter((c) => c.example !== null && found.columns.has(c.key)).map((c) => [found.columns.get(c.key)!, compact(cellText(c.example))]);
      yield { type: 'header', sheet: sheet!, header };
      for (const r of scan) yield* data(r);
    } else seen.push({ sheet: sheet!, best: found, rows: seen.length < 5 ? scan : [] });
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
  if (!header) throw headerNotFound(spec, seen, dict);
}

/** A sheet's name as a message shows it: at most 60 characters. */
function sheetName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

/** Each kind's own dictionary (no school's mappings), built once: the wrong-kind checks ask every kind. */
const dictionaries = new Map<KindSpec, HeaderDictionary>();
const dictionaryOf = (k: KindSpec) => dictionaries.get(k) ?? dictionaries.set(k, new HeaderDictionary(k)).get(k)!;

/** A kind as messages name it: its Chinese title and the name the CLI and the upload take. */
const named = (k: KindSpec) => `“${k.title}”（${k.kind}）`;

/**
 * Another kind that reads this header completely and understands every column `spec` understood,
 * and more (an inspection catalogue imported as inspections: 批准文号 is the catalogue's): the file
 * is that kind's, and importing it as `spec` would silently drop what it says.
 */
function betterKind(spec: KindSpec, found: HeaderCandidate, scanned: ReadonlyArray<{ number: number; cells: readonly CellValue[] }>): KindSpec | undefined {
  const used = new Set(found.columns.values());
  // only the header's rows and those above it can be another kind's header at the same row
  const rows = scanned.filter((r) => r.number <= found.rowNumber);
  let best: { kind: KindSpec; size: number } | undefined;
  for (const k of KINDS) {
    if (k === spec) continue;
    const c = findHeader(dictionaryOf(k), rows, { schoolGiven: true });
    if (!c || c.missing.length || c.rowNumber !== found.rowNumber) continue;
    const theirs = new Set(c.columns.values());
    if (theirs.size > used.size && [...used].every((i) => theirs.has(i)) && (!best || theirs.size > best.size)) best = { kind: k, size: theirs.size };
  }
  return best?.kind;
}

/** The kind whose header a sheet has, among the first rows seen of the sheets (none when no kind fits). */
function fittingKind(spec: KindSpec, seen: ReadonlyArray<{ sheet: string; rows: ReadonlyArray<{ number: number; cells: readonly CellValue[] }> }>): { kind: KindSpec; sheet: string } | undefined {
  let best: { kind: KindSpec; sheet: string; size: number } | undefined;
  for (const s of seen) {
    for (const k of KINDS) {
      if (k === spec || !s.rows.length) continue;
      const c = findHeader(dictionaryOf(k), s.rows, { schoolGiven: true });
      if (c && !c.missing.length && (!best || c.columns.size > best.size)) best = { kind: k, sheet: s.sheet, size: c.columns.size };
    }
  }
  return best;
}

function wrongKind(spec: KindSpec, other: KindSpec, sheet: string): FileError {
  return new FileError(
    'WRONG_KIND',
    `这个文件看起来是${named(other)}，不是${named(spec)}：工作表“${sheetName(sheet)}”的表头与${named(other)}的列相符。请确认导入类型，按${named(other)}导入（命令行：“npm run import -- ${other.kind} <文件>”）`,
  );
}

function headerNotFound(spec: KindSpec, seen: ReadonlyArray<{ sheet: string; best?: HeaderCandidate; rows: ReadonlyArray<{ number: number; cells: CellValue[] }> }>, dict: HeaderDictionary): FileError {
  const required = spec.columns.filter((c) => c.required === true).map((c) => c.header);
  const bestOf = seen.filter((s) => s.best).sort((a, b) => a.best!.missing.length - b.best!.missing.length)[0];
  if (!seen.length) return new FileError('NO_SHEET', '文件中没有工作表或没有数据');
  if (bestOf?.best && dict.onlySchoolMissing(bestOf.best.columns)) {
    return new FileError(
      'SCHOOL_NOT_GIVEN',
      `工作表“${sheetName(bestOf.sheet)}”没有学校列（学校标识码或学校名称）：请在上传时指明学校（命令行加“--school 学校标识码”，网页上选择学校），或在文件中加一列“学校标识码”`,
    );
  }
  const other = fittingKind(spec, seen);
  if (other) return wrongKind(spec, other.kind, other.sheet);
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
