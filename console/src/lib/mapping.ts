// The column mapping a clerk corrects after a preview: what each reason means, the choices for a
// column, and what a choice sends (setImportColumnMapping / removeImportColumnMapping). Logic only,
// so the component tests can hold it.

/** Why a column became a field, or did not, for people. */
export const REASON_TEXT: Readonly<Record<string, string>> = {
  HEADER: '与模板列名一致',
  SYNONYM: '常见写法',
  FORMAT_SUFFIX: '列名去掉格式说明后一致',
  MAPPING: '本校设定的对应',
  KEPT: '随记录保留（不是本类型的列）',
  IGNORED: '不读取（序号、错误报告的列）',
  MAPPED_AWAY: '本校设定为忽略',
  DUPLICATE: '前面已有列对应同一字段',
  UNKNOWN: '未识别',
};

/** The value of the choice "ignore this column". */
export const IGNORE = '__ignore__';

/** A column of the kind, as importKinds lists it. */
export interface KindColumn {
  readonly key: string;
  readonly header: string;
  readonly requirement: string;
}

/** The choices for one of the file's columns: every column of the kind (required first) and "ignore". */
export function mappingChoices(columns: readonly KindColumn[]): Array<{ value: string; label: string }> {
  const required = (c: KindColumn) => (c.requirement.startsWith('必填') ? 0 : 1);
  const sorted = [...columns].sort((a, b) => required(a) - required(b));
  return [...sorted.map((c) => ({ value: c.key, label: `${c.header}${c.requirement.startsWith('必填') ? '（必填）' : ''}` })), { value: IGNORE, label: '忽略此列' }];
}

/** What a column shows as chosen: its field, "ignore" when the school mapped it away, else nothing. */
export function currentChoice(column: { readonly field: string | null; readonly reason: string }): string | undefined {
  if (column.field) return column.field;
  return column.reason === 'MAPPED_AWAY' ? IGNORE : undefined;
}

/** What a clerk's choice sends: a mapping to set (field, or null to ignore), or the school's mapping to forget (undefined: back to the importer's own reading). */
export type MappingChange =
  | { readonly op: 'set'; readonly input: { readonly kind: string; readonly schoolId: string | null; readonly header: string; readonly field: string | null } }
  | { readonly op: 'remove'; readonly kind: string; readonly schoolId: string | null; readonly header: string }
  | { readonly op: 'none' };

export function mappingChange(kind: string, schoolId: string | null, column: { readonly title: string; readonly field: string | null; readonly reason: string }, choice: string | undefined): MappingChange {
  if (choice === currentChoice(column)) return { op: 'none' };
  if (choice === undefined) return column.reason === 'MAPPING' || column.reason === 'MAPPED_AWAY' ? { op: 'remove', kind, schoolId, header: column.title } : { op: 'none' };
  return { op: 'set', input: { kind, schoolId, header: column.title, field: choice === IGNORE ? null : choice } };
}

/** A preview's counts of problems, errors and warnings apart. */
export function problemCounts(rows: ReadonlyArray<{ readonly cells: ReadonlyArray<{ readonly problems: ReadonlyArray<{ readonly severity: string }> }>; readonly problems: ReadonlyArray<{ readonly severity: string }> }>): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const r of rows) {
    for (const p of [...r.problems, ...r.cells.flatMap((c) => c.problems)]) {
      if (p.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings };
}
