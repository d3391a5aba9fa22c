import { CellValue, cellText, compact, isBlank } from './cell';
import { ColumnSpec, KindSpec } from './kind-spec';

/**
 * The columns the error report adds after the file's own: every kind ignores them, so a corrected
 * report imports as it is.
 */
export const REPORT_COLUMNS = { errors: '错误信息', warnings: '警告信息', row: '原行号' } as const;

/** A header cell as compared: half-width, no white space or line breaks, no `*` marks. */
export function normalizeHeader(raw: string): string {
  return compact(raw).replace(/^[*※]+/, '').replace(/[*※]+$/, '');
}

/** The forms a header is compared in: as written, and without a format suffix such as (yyyy-MM-dd). */
export function headerForms(raw: string): string[] {
  const n = normalizeHeader(raw);
  const forms = [n];
  const bare = n.replace(/(?:[([【<《][^()[\]【】<>《》]*[)\]】>》])+$/, '').replace(/[:：]$/, '').replace(/^[*※]+/, '');
  if (bare && bare !== n) forms.push(bare);
  return forms;
}

/** The header row (or rows) of a sheet, matched against a kind's columns. */
export interface HeaderMatch {
  /** the last header row's number (data starts below it) */
  readonly rowNumber: number;
  /** every header cell's text as the file wrote it, by column index from 0 */
  readonly titles: readonly string[];
  /** the column index of each of the kind's columns the file has */
  readonly columns: ReadonlyMap<string, number>;
  /** columns the kind does not know, kept as extra fields when the kind keeps them */
  readonly extra: ReadonlyArray<{ readonly index: number; readonly title: string }>;
  /** how many rows the header spans: 2 when a group row above gave some titles (merged cells) */
  readonly span?: number;
}

export interface HeaderCandidate extends HeaderMatch {
  /** required headers the candidate lacks */
  readonly missing: readonly string[];
}

export interface HeaderOptions {
  /** the upload names the school, so the school columns may be absent */
  readonly schoolGiven: boolean;
}

/** How many rows from the top of a sheet are searched for the header. */
export const HEADER_SCAN_ROWS = 30;

/**
 * The columns a school has mapped for a kind: each header as the school titles it (normalised, see
 * normalizeHeader) to a column key of the kind, or null to ignore the column.
 */
export type ColumnMappings = ReadonlyMap<string, string | null>;

/** Why a header became a column: the kind's own header, a synonym, either without a format suffix, or a school's mapping. */
export type MatchReason = 'HEADER' | 'SYNONYM' | 'FORMAT_SUFFIX' | 'MAPPING';

/** How a header was matched: the column, why, and the name it matched (the header or synonym as the kind has it). */
export interface ColumnMatch {
  readonly column: ColumnSpec;
  readonly reason: MatchReason;
  readonly matched: string;
}

/** Why a header is not a column of the kind: the school mapped it away, the kind ignores it (序号), or it names nothing. */
export type Unmatched = { readonly ignored: 'MAPPING' | 'KIND' } | { readonly ignored?: undefined };

/**
 * Looks up the kind's column a header names: a school's mapping first, then the kind's header or a
 * synonym, in every form.
 */
export class HeaderDictionary {
  private readonly byName = new Map<string, { column: ColumnSpec; name: string; synonym: boolean }>();
  private readonly ignored: Set<string>;
  private readonly mapped = new Map<string, ColumnSpec | null>();
  /** the keys of the columns that name a teacher or a school, not the record itself */
  private readonly references: ReadonlySet<string>;

  constructor(
    private readonly spec: KindSpec,
    mappings: ColumnMappings = new Map(),
  ) {
    for (const c of spec.columns) {
      for (const name of [c.header, ...(c.synonyms ?? [])]) {
        for (const f of headerForms(name)) if (!this.byName.has(f)) this.byName.set(f, { column: c, name, synonym: name !== c.header });
      }
    }
    this.ignored = new Set([...(spec.extraColumns?.ignore ?? []), ...Object.values(REPORT_COLUMNS)].map(normalizeHeader));
    for (const [title, key] of mappings) {
      const c = key === null ? null : spec.columns.find((x) => x.key === key);
      if (c !== undefined) this.mapped.set(normalizeHeader(title), c);
    }
    this.references = new Set([
      ...(spec.school ? [spec.school.codeKey, spec.school.nameKey] : []),
      ...(spec.teachers ?? []).flatMap((t) => [t.idNumberKey, ...(t.idTypeKey ? [t.idTypeKey] : []), ...(t.nameKey ? [t.nameKey] : [])]),
    ]);
  }

  /** How a header cell is read: the column it names and why, or why it names none. */
  explain(raw: string): ColumnMatch | Unmatched {
    const n = normalizeHeader(raw);
    if (this.mapped.has(n)) {
      const c = this.mapped.get(n)!;
      return c ? { column: c, reason: 'MAPPING', matched: raw.trim() } : { ignored: 'MAPPING' };
    }
    const forms = headerForms(raw);
    for (const [i, f] of forms.entries()) {
      const hit = this.byName.get(f);
      if (hit) return { column: hit.column, reason: i > 0 ? 'FORMAT_SUFFIX' : hit.synonym ? 'SYNONYM' : 'HEADER', matched: hit.name };
    }
    if (forms.some((f) => this.ignored.has(f))) return { ignored: 'KIND' };
    return {};
  }

  column(raw: string): ColumnSpec | undefined {
    const e = this.explain(raw);
    return 'column' in e ? e.column : undefined;
  }

  isIgnored(raw: string): boolean {
    const e = this.explain(raw);
    return !('column' in e) && e.ignored !== undefined;
  }

  /** Matches one row of header cells: a school's mapped headers first, then the others in order. */
  match(cells: readonly CellValue[], rowNumber: number, o: HeaderOptions): HeaderCandidate {
    const columns = new Map<string, number>();
    const extra: Array<{ index: number; title: string }> = [];
    const titles = cells.map((c) => (isBlank(c) ? '' : cellText(c).trim()));
    const read = titles.map((title) => (title ? this.explain(title) : undefined));
    for (const pass of ['MAPPING', 'OTHER'] as const) {
      read.forEach((e, index) => {
        if (!e || !('column' in e) || (e.reason === 'MAPPING') !== (pass === 'MAPPING')) return;
        if (!columns.has(e.column.key)) columns.set(e.column.key, index);
      });
    }
    read.forEach((e, index) => {
      if (e && !('column' in e) && e.ignored === undefined && this.spec.extraColumns) extra.push({ index, title: normalizeHeader(titles[index]) });
    });
    return { rowNumber, titles, columns, extra, missing: this.missing(columns, o) };
  }

  /** The required headers `columns` lacks (one of the school columns, unless the upload names the school). */
  missing(columns: ReadonlyMap<string, number>, o: HeaderOptions): string[] {
    const out = this.spec.columns.filter((c) => c.required === true && !columns.has(c.key)).map((c) => c.header);
    const s = this.spec.school;
    if (s && !s.optional && !o.schoolGiven && !columns.has(s.codeKey) && !columns.has(s.nameKey)) {
      out.unshift(`${this.header(s.codeKey)}或${this.header(s.nameKey)}`);
    }
    // a header naming only the teacher (姓名, 身份证件号) is no header of a kind whose own columns are all optional (师德信息)
    const own = this.spec.columns.filter((c) => !this.references.has(c.key));
    if (!out.length && own.length && !own.some((c) => columns.has(c.key))) out.push(`${own.map((c) => c.header).join('、')}中的至少一列`);
    return out;
  }

  /** Whether the only required column missing is the school's (the upload may name the school instead). */
  onlySchoolMissing(columns: ReadonlyMap<string, number>): boolean {
    const s = this.spec.school;
    return !!s && !s.optional && !columns.has(s.codeKey) && !columns.has(s.nameKey) && this.missing(columns, { schoolGiven: true }).length === 0;
  }

  private header(key: string): string {
    return this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }
}

/**
 * Two header rows read as one: where the lower row is blank, the upper row's cell counts if it
 * names a column (a cell merged down over both rows); group titles above (培训信息) do not.
 */
function stack(dict: HeaderDictionary, upper: readonly CellValue[], lower: readonly CellValue[]): CellValue[] {
  const width = Math.max(upper.length, lower.length);
  const out: CellValue[] = [];
  for (let i = 0; i < width; i++) {
    const low = lower[i] ?? null;
    const up = upper[i] ?? null;
    out.push(isBlank(low) && !isBlank(up) && dict.column(cellText(up)) ? up : low);
  }
  return out;
}

const better = (a: HeaderCandidate, b: HeaderCandidate | undefined) =>
  !b || a.missing.length < b.missing.length || (a.missing.length === b.missing.length && a.columns.size > b.columns.size);

/**
 * Finds the header among the first rows of a sheet: the row (alone, or with the row above as a
 * two-row header) that has every required column, preferring one with more of the kind's columns.
 * Returns the best candidate; it is usable when `missing` is empty.
 */
export function findHeader(dict: HeaderDictionary, rows: ReadonlyArray<{ number: number; cells: readonly CellValue[] }>, o: HeaderOptions): HeaderCandidate | undefined {
  let best: HeaderCandidate | undefined;
  for (let i = 0; i < rows.length; i++) {
    const single = dict.match(rows[i].cells, rows[i].number, o);
    let candidate = single;
    if (i > 0) {
      const stacked = dict.match(stack(dict, rows[i - 1].cells, rows[i].cells), rows[i].number, o);
      if (stacked.columns.size > single.columns.size) candidate = { ...stacked, span: 2 };
    }
    if (candidate.missing.length === 0 && candidate.columns.size > 0) {
      // a complete header may still have a sub-header row below it (group titles above column titles)
      const next = rows[i + 1];
      if (next) {
        const below = dict.match(stack(dict, rows[i].cells, next.cells), next.number, o);
        if (below.missing.length === 0 && below.columns.size > candidate.columns.size) return { ...below, span: 2 };
      }
      return candidate;
    }
    if (candidate.columns.size > 0 && better(candidate, best)) best = candidate;
  }
  return best;
}
