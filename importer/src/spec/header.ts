import { CellValue, cellText, compact, isBlank } from './cell';
import { ColumnSpec, KindSpec } from './kind-spec';

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

/** Looks up the kind's column a header names, by its header or a synonym, in every form. */
export class HeaderDictionary {
  private readonly byName = new Map<string, ColumnSpec>();
  private readonly ignored: Set<string>;

  constructor(private readonly spec: KindSpec) {
    for (const c of spec.columns) {
      for (const name of [c.header, ...(c.synonyms ?? [])]) {
        for (const f of headerForms(name)) if (!this.byName.has(f)) this.byName.set(f, c);
      }
    }
    this.ignored = new Set((spec.extraColumns?.ignore ?? []).map(normalizeHeader));
  }

  column(raw: string): ColumnSpec | undefined {
    for (const f of headerForms(raw)) {
      const c = this.byName.get(f);
      if (c) return c;
    }
    return undefined;
  }

  isIgnored(raw: string): boolean {
    return headerForms(raw).some((f) => this.ignored.has(f));
  }

  /** Matches one row of header cells. */
  match(cells: readonly CellValue[], rowNumber: number, o: HeaderOptions): HeaderCandidate {
    const columns = new Map<string, number>();
    const extra: Array<{ index: number; title: string }> = [];
    const titles = cells.map((c) => (isBlank(c) ? '' : cellText(c).trim()));
    titles.forEach((title, index) => {
      if (!title) return;
      const c = this.column(title);
      if (c) {
        if (!columns.has(c.key)) columns.set(c.key, index);
      } else if (this.spec.extraColumns && !this.isIgnored(title)) {
        extra.push({ index, title: normalizeHeader(title) });
      }
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
    return out;
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
      if (stacked.columns.size > single.columns.size) candidate = stacked;
    }
    if (candidate.missing.length === 0 && candidate.columns.size > 0) {
      // a complete header may still have a sub-header row below it (group titles above column titles)
      const next = rows[i + 1];
      if (next) {
        const below = dict.match(stack(dict, rows[i].cells, next.cells), next.number, o);
        if (below.missing.length === 0 && below.columns.size > candidate.columns.size) return below;
      }
      return candidate;
    }
    if (candidate.columns.size > 0 && better(candidate, best)) best = candidate;
  }
  return best;
}
