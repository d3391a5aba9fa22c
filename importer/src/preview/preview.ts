import { FileLimits } from '../guard/limits';
import { openSource } from '../read/read-file';
import { readTable } from '../read/table';
import { CellValue, cellText } from '../spec/cell';
import { ColumnMappings, HeaderDictionary, HeaderMatch, MatchReason, normalizeHeader } from '../spec/header';
import { KindSpec } from '../spec/kind-spec';
import { requirementText } from '../report/template';
import { RowIssue } from '../validate/issue';
import { RowReader } from '../validate/row-reader';

/** How many data rows a preview shows. */
export const PREVIEW_ROWS = 20;

/** Why a column of the file became a field of the kind, or did not. */
export type ColumnReason = MatchReason | 'KEPT' | 'IGNORED' | 'MAPPED_AWAY' | 'DUPLICATE' | 'UNKNOWN';

/** One column of the file as the importer understood it. */
export interface PreviewColumn {
  /** from 0 */
  readonly index: number;
  /** A, B, … as Excel labels it */
  readonly letter: string;
  /** the header as the file titles it (a two-row header's two titles joined as read) */
  readonly title: string;
  /** the kind's column it feeds (its key), or null */
  readonly field: string | null;
  /** that column's header in the kind's template */
  readonly fieldHeader: string | null;
  /**
   * HEADER: the template's header; SYNONYM: another name for it (`matched`); FORMAT_SUFFIX: either
   * without a suffix such as (yyyy-MM-dd); MAPPING: the school's remembered mapping; KEPT: not a
   * column of the kind, kept with the record (teachers' other 基本信息 columns); IGNORED: the kind
   * ignores it (序号, the error report's own columns); MAPPED_AWAY: the school mapped it to nothing;
   * DUPLICATE: an earlier column already feeds the field; UNKNOWN: not read
   */
  readonly reason: ColumnReason;
  /** the header or synonym of the kind that matched */
  readonly matched: string | null;
}

/** A cell of a previewed row, as read, with what is wrong with it or what was made of it. */
export interface PreviewCell {
  readonly index: number;
  /** the cell as a person sees it (dates as dates) */
  readonly value: string | null;
  readonly problems: ReadonlyArray<{ readonly code: string; readonly message: string; readonly severity: 'error' | 'warning' }>;
}

export interface PreviewRow {
  readonly number: number;
  readonly cells: readonly PreviewCell[];
  /** problems of the whole row (a check across columns, nothing to import) */
  readonly problems: ReadonlyArray<{ readonly code: string; readonly message: string; readonly severity: 'error' | 'warning' }>;
}

/** What the importer understood of a file before writing anything. */
export interface ImportPreview {
  readonly sheet: string;
  /** the header's (last) row, as Excel numbers it */
  readonly headerRow: number;
  /** 2 when the header spans two rows (merged group cells above) */
  readonly headerRows: number;
  readonly columns: readonly PreviewColumn[];
  /** the columns of the file that feed no field */
  readonly ignored: readonly PreviewColumn[];
  /** the kind's columns the file does not have */
  readonly absent: ReadonlyArray<{ readonly field: string; readonly header: string; readonly requirement: string }>;
  /** the first data rows, as read */
  readonly rows: readonly PreviewRow[];
  /** the data sheet's rows as the file declares them (an estimate), when known */
  readonly rowsExpected: number | null;
}

const letter = (n: number): string => (n < 26 ? String.fromCharCode(65 + n) : letter(Math.floor(n / 26) - 1) + String.fromCharCode(65 + (n % 26)));

function columnsOf(spec: KindSpec, header: HeaderMatch, dict: HeaderDictionary): PreviewColumn[] {
  return header.titles.flatMap((title, index): PreviewColumn[] => {
    if (!title) return [];
    const e = dict.explain(title);
    const base = { index, letter: letter(index), title };
    if ('column' in e) {
      const used = header.columns.get(e.column.key) === index;
      return [{ ...base, field: used ? e.column.key : null, fieldHeader: e.column.header, reason: used ? e.reason : 'DUPLICATE', matched: e.matched }];
    }
    const reason: ColumnReason = e.ignored === 'MAPPING' ? 'MAPPED_AWAY' : e.ignored === 'KIND' ? 'IGNORED' : spec.extraColumns ? 'KEPT' : 'UNKNOWN';
    return [{ ...base, field: null, fieldHeader: null, reason, matched: null }];
  });
}

const shown = (v: CellValue): string | null => (v === null ? null : cellText(v));
const problem = (i: RowIssue) => ({ code: i.code, message: i.message, severity: i.severity === 'warning' ? ('warning' as const) : ('error' as const) });

/**
 * Reads a file as a kind the way an import would, up to its first `rows` data rows, and says what it
 * understood: the sheet and header row, which column became which field and why, the columns it
 * ignored, and each of those rows as read with each cell's problem. Nothing is written; references
 * (is this teacher in the roster?) are checked by the import itself. A file that cannot be read as
 * the kind throws the FileError an import would fail with.
 * @example const p = await previewFile(file, teachersKind, { fileName, limits, schoolGiven: true, mappings })
 */
export async function previewFile(
  file: string,
  spec: KindSpec,
  o: { readonly fileName: string; readonly limits: FileLimits; readonly schoolGiven: boolean; readonly mappings?: ColumnMappings; readonly rows?: number },
): Promise<ImportPreview> {
  const want = o.rows ?? PREVIEW_ROWS;
  const { source, rowsExpected } = await openSource(file, { fileName: o.fileName, limits: o.limits });
  const dict = new HeaderDictionary(spec, o.mappings);
  let reader: RowReader | undefined;
  let header: HeaderMatch | undefined;
  let sheet = '';
  const rows: PreviewRow[] = [];
  for await (const ev of readTable(source, spec, { schoolGiven: o.schoolGiven, limits: o.limits, mappings: o.mappings })) {
    if (ev.type === 'header') {
      header = ev.header;
      sheet = ev.sheet;
      reader = new RowReader(spec, ev.header, ev.sheet);
      continue;
    }
    const read = reader!.read(ev.row);
    const shownCells = reader!.display(read.cells);
    const byColumn = new Map<number, RowIssue[]>();
    const whole: RowIssue[] = [];
    for (const issue of [...read.issues, ...read.warnings]) {
      const at = issue.column === undefined ? -1 : header!.titles.findIndex((t) => normalizeHeader(t) === issue.column);
      if (at < 0) whole.push(issue);
      else byColumn.set(at, [...(byColumn.get(at) ?? []), issue]);
    }
    const width = Math.max(header!.titles.length, shownCells.length);
    rows.push({
      number: read.number,
      cells: Array.from({ length: width }, (_, index) => ({ index, value: shown(shownCells[index] ?? null), problems: (byColumn.get(index) ?? []).map(problem) })),
      problems: whole.map(problem),
    });
    // the rest of the file is not read (the zip guard has checked all of it)
    if (rows.length >= want) break;
  }
  const columns = columnsOf(spec, header!, dict);
  return {
    sheet,
    headerRow: header!.rowNumber,
    headerRows: header!.span ?? 1,
    columns,
    ignored: columns.filter((c) => c.field === null),
    absent: spec.columns.filter((c) => !header!.columns.has(c.key)).map((c) => ({ field: c.key, header: c.header, requirement: requirementText(spec, c) })),
    rows,
    rowsExpected: rowsExpected ?? null,
  };
}
