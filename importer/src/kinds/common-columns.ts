import { checkDigit, ID_TYPE } from '@tw/kernel';
import { coded, idNumber, schoolCode, text } from '../spec/column-types';
import { ColumnSpec, TeacherReference } from '../spec/kind-spec';

/**
 * Template examples are marked (示例) so that a real row never equals one: the reader skips a row
 * equal to the example in every column, the template's example uploaded as it was.
 */
/** A valid 居民身份证 number for examples (a woman born 1990-03-15). */
export const EXAMPLE_ID_NUMBER = `41010219900315002${checkDigit('41010219900315002')}`;

/**
 * The columns by which rows name a school: 学校标识码 or 学校名称 (one is enough; a single 学校
 * column may hold either). `optional`: a row may name no school (held across the district).
 */
export const schoolColumns = (o: { optional?: boolean } = {}): ColumnSpec[] => [
  {
    key: 'schoolCode',
    header: '学校标识码',
    synonyms: ['学校代码', '学校识别码', '单位标识码', '标识码'],
    type: schoolCode(),
    note: o.optional ? '与“学校名称”填一项即可；都不填为全区' : '与“学校名称”填一项即可；学校自己上传时可省略（上传时指明学校）',
    example: '4100000000',
    inputFields: ['schoolId', 'schoolCode'],
  },
  {
    key: 'schoolName',
    header: '学校名称',
    synonyms: ['学校', '学校全称', '所在学校', '所在单位', '单位名称'],
    type: text(100),
    note: '须与系统中的学校全称完全一致（也可填学校标识码）',
    example: '示例学校',
    inputFields: ['schoolName'],
  },
];

/** The columns by which rows name a teacher: 姓名 + 身份证件类型 + 身份证件号. */
export const teacherColumns = (): ColumnSpec[] => [
  {
    key: 'name',
    header: '姓名',
    synonyms: ['教师姓名', '教职工姓名', '人员姓名'],
    type: text(50),
    required: true,
    note: '须与教师名册中的姓名一致',
    example: '张丽（示例）',
    inputFields: ['name'],
  },
  {
    key: 'idType',
    header: '身份证件类型',
    synonyms: ['证件类型'],
    type: coded(ID_TYPE),
    note: '不填时为居民身份证',
    example: '居民身份证',
    inputFields: ['idType'],
  },
  idNumberColumn(),
];

/** The teacher rows name by the standard columns (姓名, 身份证件类型, 身份证件号). */
export const ROSTER_TEACHER: TeacherReference = { idTypeKey: 'idType', idNumberKey: 'idNumber', nameKey: 'name', idField: 'teacherId' };

/**
 * A teacher named in a role (主持人, 成员, 师傅…) by a 姓名 column and a 身份证件号 column (居民身份证,
 * or as written for other ID types). `name` says whether the 姓名 column is required; `optional`
 * lets the whole reference be blank, but a name without a number is refused.
 */
export function roleTeacherColumns(o: {
  readonly prefix: string;
  readonly role: string;
  readonly nameRequired: boolean;
  readonly optional?: boolean;
  readonly idField: string;
  readonly nameSynonyms?: readonly string[];
  readonly idSynonyms?: readonly string[];
  readonly exampleName: string;
  readonly exampleId: string;
}): { columns: ColumnSpec[]; reference: TeacherReference } {
  const nameKey = `${o.prefix}Name`;
  const idNumberKey = `${o.prefix}IdNumber`;
  const name: ColumnSpec = {
    key: nameKey,
    header: `${o.role}姓名`,
    synonyms: [...(o.nameSynonyms ?? []), o.role],
    type: text(50),
    required: o.nameRequired,
    note: `须与${o.role}身份证件号对应的教师姓名一致`,
    example: o.exampleName,
    inputFields: [],
  };
  const id: ColumnSpec = {
    key: idNumberKey,
    header: `${o.role}身份证件号`,
    synonyms: [`${o.role}身份证号`, `${o.role}身份证号码`, `${o.role}证件号码`, `${o.role}公民身份号码`, ...(o.idSynonyms ?? [])],
    type: idNumber(),
    required: o.optional ? { when: (row) => row[nameKey] !== undefined, describe: `填写了${o.role}姓名时必填` } : true,
    example: o.exampleId,
    inputFields: [o.idField],
  };
  return { columns: [name, id], reference: { idNumberKey, nameKey, idField: o.idField, role: o.role, optional: o.optional } };
}

/** Another valid example number (a man born 1985-06-20), for a second person on a template row. */
export const EXAMPLE_ID_NUMBER_2 = `41010219850620001${checkDigit('41010219850620001')}`;

export const idNumberColumn = (): ColumnSpec => ({
  key: 'idNumber',
  header: '身份证件号',
  synonyms: ['身份证号', '身份证号码', '身份证件号码', '证件号码', '证件号', '公民身份号码'],
  type: idNumber('idType'),
  required: true,
  example: EXAMPLE_ID_NUMBER,
  inputFields: ['idNumber', 'teacherId'],
});

/** How an optional parsed value travels in an input: absent values are left out. */
export function defined(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = v;
  return out;
}
