import { CellValue, cellText, isBlank } from '../spec/cell';
import { HeaderMatch, normalizeHeader } from '../spec/header';
import { ColumnSpec, isRequired, KindSpec, RowValues } from '../spec/kind-spec';
import { DataRow } from '../read/table';
import { issueAt, RowIssue } from './issue';

/** A row read against the kind's columns: its values, what is wrong with it, and what a person should know of it. */
export interface ReadRow {
  readonly number: number;
  readonly cells: readonly CellValue[];
  readonly values: RowValues;
  /** errors: the row is rejected when there is one */
  readonly issues: RowIssue[];
  /** warnings: the row is written, and the clerk told (a word classified, a date form guessed, text cut) */
  readonly warnings: RowIssue[];
}

/**
 * Reads data rows of one sheet into values by the kind's columns: each present cell through its
 * column type, then the required columns (and the conditional ones), then the checks across
 * columns. Columns the kind does not know go into its extra field, when it keeps them.
 */
export class RowReader {
  private readonly present: Array<{ column: ColumnSpec; index: number; title: string }>;

  constructor(
    private readonly spec: KindSpec,
    private readonly header: HeaderMatch,
    readonly sheet: string,
  ) {
    this.present = spec.columns
      .filter((c) => header.columns.has(c.key))
      .map((c) => {
        const index = header.columns.get(c.key)!;
        return { column: c, index, title: normalizeHeader(header.titles[index]) || c.header };
      });
  }

  /** The header title the file gave a column of the kind, or the kind's own when the file lacks it. */
  title(key: string): string {
    const p = this.present.find((x) => x.column.key === key);
    return p?.title ?? this.spec.columns.find((c) => c.key === key)?.header ?? key;
  }

  /** The cell of a column of the kind, as text ('' when the file has no such column). */
  text(row: { cells: readonly CellValue[] }, key: string): string {
    const i = this.header.columns.get(key);
    return i === undefined ? '' : cellText(row.cells[i] ?? null).trim();
  }

  /** The row's cells as the error report shows them: dates as dates, whatever form they were read in. */
  display(cells: readonly CellValue[]): CellValue[] {
    const out: CellValue[] = Array.from(cells, (c) => (c instanceof Date ? c.toISOString().slice(0, 10) : (c ?? null)));
    for (const { column, index } of this.present) if (column.type.display && index < out.length) out[index] = column.type.display(out[index]);
    return out;
  }

  has(key: string): boolean {
    return this.header.columns.has(key);
  }

  issue(row: number, code: string, reason: string, key?: string, value?: string): RowIssue {
    if (!key) return { code, message: issueAt(this.sheet, row, reason) };
    const column = this.title(key);
    return { column, value, code, message: issueAt(this.sheet, row, reason, column, value) };
  }

  /** A warning on a row's column: the row is written, and the clerk told. */
  warning(row: number, code: string, reason: string, key?: string, value?: string): RowIssue {
    return { ...this.issue(row, code, reason, key, value), severity: 'warning' };
  }

  read(row: DataRow): ReadRow {
    const values: RowValues = {};
    const issues: RowIssue[] = [];
    const warnings: RowIssue[] = [];
    const failed = new Set<string>();
    const cells = row.cells;
    const ctx = { raw: (key: string): CellValue => (this.header.columns.has(key) ? (cells[this.header.columns.get(key)!] ?? null) : null) };
    for (const { column, index } of this.present) {
      const raw = cells[index] ?? null;
      if (isBlank(raw)) continue;
      const parsed = column.type.parse(raw, ctx);
      if (parsed.ok) {
        if (column.assign) column.assign(values, parsed.value);
        else values[column.key] = parsed.value;
        if (parsed.warning) warnings.push(this.warning(row.number, parsed.warning.code, parsed.warning.reason, column.key, cellText(raw).trim()));
      } else {
        failed.add(column.key);
        issues.push(this.issue(row.number, parsed.code, parsed.reason, column.key, cellText(raw).trim()));
      }
    }
    for (const column of this.spec.columns) {
      if (failed.has(column.key) || values[column.key] !== undefined || !isRequired(column, values)) continue;
      const why = typeof column.required === 'object' ? column.required.describe : '为必填项';
      const reason = this.has(column.key) ? `${column.header}${why}` : `文件缺少“${column.header}”列，而${column.header}${why}`;
      issues.push(this.issue(row.number, 'REQUIRED', reason, column.key, ''));
      failed.add(column.key);
    }
    for (const check of this.spec.rowChecks ?? []) {
      const p = check(values);
      if (p && !failed.has(p.key)) issues.push(this.issue(row.number, p.code, p.reason, p.key, this.text(row, p.key)));
    }
    const extra = this.spec.extraColumns;
    if (extra && this.header.extra.length) {
      const pairs = this.header.extra
        .map((e) => ({ name: e.title, value: cellText(cells[e.index] ?? null).trim() }))
        .filter((p) => p.value !== '');
      if (pairs.length) values[extra.field] = pairs;
    }
    return { number: row.number, cells, values, issues, warnings };
  }
}
