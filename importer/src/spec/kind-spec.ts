import type { Role } from '@tw/kernel';
import { CellValue } from './cell';
import { ColumnType } from './column-types';

/** A record read from a row: values by column key (plus what multi-field columns assign). */
export type RowValues = Record<string, unknown>;

/** When a column is required. */
export type Requirement =
  | boolean
  /** required when another value of the row says so (用人形式 when 是否在编 = 否) */
  | { readonly when: (row: RowValues) => boolean; readonly describe: string };

/** One column of a kind: how files title it, what it holds, and where its value goes. */
export interface ColumnSpec {
  /** the value's name in the row (and, unless `assign` says otherwise, in the mutation's input) */
  readonly key: string;
  /** the header the template writes */
  readonly header: string;
  /** other headers files use for it (身份证号, 身份证号码…) */
  readonly synonyms?: readonly string[];
  readonly type: ColumnType<unknown>;
  readonly required?: Requirement;
  /** what the 说明 sheet and KINDS.md say beyond the type */
  readonly note?: string;
  /** the template's example row */
  readonly example: CellValue;
  /** puts a parsed value into the row (人员状态 fills status, statusCode and statusDetail) */
  readonly assign?: (row: RowValues, value: unknown) => void;
  /** reads the value back out of an input row, for generated files (default: input[key]) */
  readonly pick?: (input: Readonly<Record<string, unknown>>) => unknown;
  /** the mutation input fields this column feeds: a subgraph rejection about one is shown on this column */
  readonly inputFields?: readonly string[];
}

/** A row refers to a school of the district by 学校标识码 or exact name. */
export interface SchoolReference {
  readonly codeKey: string;
  readonly nameKey: string;
  /** the input field the resolved school id goes to */
  readonly idField: string;
  /** the row may name no school (an inspection held across the district): then none is sent, or the upload's school */
  readonly optional?: boolean;
}

/** A row refers to a teacher by 身份证件类型 + 身份证件号, with 姓名 that must agree. */
export interface TeacherReference {
  /** the 身份证件类型 column; without one every number is a 居民身份证 */
  readonly idTypeKey?: string;
  readonly idNumberKey: string;
  /** the 姓名 column that must agree with the roster (checked when the row gives it) */
  readonly nameKey?: string;
  /** the input field the resolved teacher id goes to */
  readonly idField: string;
  /** who the reference names, in messages: 主持人, 师傅… (default 教师) */
  readonly role?: string;
  /** the ID number may be blank, and the row then names no one (a studio row without a member) */
  readonly optional?: boolean;
}

/** What references resolved to for one row. */
export interface ResolvedRefs {
  readonly schoolId?: string;
  /** the first teacher reference's id */
  readonly teacherId?: string;
  /** every teacher reference's id, by the reference's input field (hostTeacherId, memberTeacherId…) */
  readonly teachers?: Readonly<Record<string, string>>;
}

/** A problem a row check found, on a column of the kind. */
export interface RowProblem {
  readonly key: string;
  readonly code: string;
  readonly reason: string;
}

/**
 * One bulk mutation a kind writes with. Most kinds have one; a 师德信息 row may carry both a yearly
 * assessment and a violation, each written by its own mutation.
 */
export interface KindTarget {
  readonly mutation: string;
  readonly inputType: string;
  /** the column a duplicate row is shown on */
  readonly keyColumn: string;
  /** the record's natural key, after references are resolved: equal keys in a file are duplicates */
  key(row: RowValues, refs: ResolvedRefs): string;
  /** the mutation's input for a valid row, or undefined when the row gives nothing for this target */
  toInput(row: RowValues, refs: ResolvedRefs): Record<string, unknown> | undefined;
  /**
   * The record may be repeated on several rows (a year's assessment on each violation row of it): a
   * repeat equal to the first is sent once, a different one is a duplicate.
   */
  readonly repeats?: boolean;
}

/** Columns that rows sharing a value must agree on (the studio columns repeated on each member row). */
export interface RowGroup {
  /** the group a row belongs to (undefined: none) */
  key(row: RowValues): string | undefined;
  /** what a group is, in messages: 工作室 */
  readonly what: string;
  readonly columns: readonly string[];
  /** the stable code of a disagreement */
  readonly code: string;
}

/**
 * One kind of file: its columns, natural key, target bulk mutation(s) and how a row becomes their
 * input. The reader, the validator, the templates and KINDS.md all read this.
 */
export interface KindSpec {
  /** the name in URLs and the CLI: teachers */
  readonly kind: string;
  /** 教职工基本信息 */
  readonly title: string;
  /** the national system's sub-set the columns follow, when there is one */
  readonly nationalSubset?: string;
  /** the subgraph that owns the records */
  readonly service: string;
  /** the bulk mutations the rows are written with, in the order they are sent */
  readonly targets: readonly KindTarget[];
  /** roles that may import this kind (the subgraph checks again, row by row) */
  readonly roles: readonly Role[];
  readonly columns: readonly ColumnSpec[];
  /** the natural key as people read it (KINDS.md) */
  readonly keyDescription: string;
  readonly school?: SchoolReference;
  readonly teachers?: readonly TeacherReference[];
  /** columns the file has that are not the kind's: kept in an input field, or ignored */
  readonly extraColumns?: { readonly field: string; readonly ignore: readonly string[] };
  /** checks across columns, after each column was read */
  readonly rowChecks?: ReadonlyArray<(row: RowValues) => RowProblem | undefined>;
  /** columns rows of one group must agree on, across the whole file */
  readonly groups?: readonly RowGroup[];
  /** how the kind's rows are written, for KINDS.md and the 说明 sheet (when a row may feed two mutations) */
  readonly writeNote?: string;
}

/** A kind with a single target may name it inline. */
type SingleTarget = Omit<KindTarget, 'toInput'> & { toInput(row: RowValues, refs: ResolvedRefs): Record<string, unknown> };
export type KindDefinition = (Omit<KindSpec, 'targets'> & SingleTarget) | KindSpec;

/**
 * A kind spec, checked when the module loads (unique column keys; references and key columns that
 * name columns of the kind). A single target may be given inline (mutation, inputType, keyColumn,
 * key, toInput).
 */
export function defineKind(def: KindDefinition): KindSpec {
  let spec: KindSpec;
  if ('targets' in def) spec = def;
  else {
    const { mutation, inputType, keyColumn, key, toInput, repeats, ...rest } = def;
    spec = { ...rest, targets: [{ mutation, inputType, keyColumn, key, toInput, repeats }] };
  }
  const keys = new Set<string>();
  for (const c of spec.columns) {
    if (keys.has(c.key)) throw new Error(`${spec.kind}: column key ${c.key} appears twice`);
    keys.add(c.key);
  }
  const named = [
    ...spec.targets.map((t) => t.keyColumn),
    ...(spec.school ? [spec.school.codeKey, spec.school.nameKey] : []),
    ...(spec.teachers ?? []).flatMap((t) => [t.idNumberKey, ...(t.nameKey ? [t.nameKey] : [])]),
    ...(spec.groups ?? []).flatMap((g) => g.columns),
  ];
  for (const k of named) if (!keys.has(k)) throw new Error(`${spec.kind}: ${k} is not a column of the kind`);
  if (!spec.targets.length) throw new Error(`${spec.kind}: no target mutation`);
  return spec;
}

/** Whether the column is required for this row (conditional requirements read the row). */
export function isRequired(c: ColumnSpec, row: RowValues): boolean {
  if (typeof c.required === 'object') return c.required.when(row);
  return c.required === true;
}
