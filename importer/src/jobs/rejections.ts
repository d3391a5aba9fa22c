import { KindSpec } from '../spec/kind-spec';
import { RowIssue } from '../validate/issue';
import { ReadRow, RowReader } from '../validate/row-reader';
import { BulkRow } from './bulk-writer';

/**
 * The column a subgraph's rejection is about: the column that feeds the input field it names
 * (`field`), or, for a school field, whichever school column the file has.
 */
export function columnOfField(spec: KindSpec, reader: RowReader, field: string | null): string | undefined {
  if (!field) return undefined;
  const owners = spec.columns.filter((c) => (c.inputFields ?? [c.key]).includes(field)).map((c) => c.key);
  if (spec.school && (field === spec.school.idField || owners.includes(spec.school.codeKey) || owners.includes(spec.school.nameKey))) {
    owners.push(spec.school.codeKey, spec.school.nameKey);
  }
  return owners.find((k) => reader.has(k));
}

/** A subgraph's per-row rejection as an issue on the sheet's row and column. */
export function mapRejection(spec: KindSpec, reader: RowReader, row: ReadRow, r: BulkRow): RowIssue {
  const key = columnOfField(spec, reader, r.field);
  return reader.issue(row.number, r.code ?? 'REJECTED', r.message ?? '被拒绝', key, key ? reader.text(row, key) : undefined);
}
