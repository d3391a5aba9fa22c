import { KINDS, KindSpec, SchoolFileOptions, teachersKind } from '@tw/importer';
import type { DemoSchoolRecord, DemoTeacherRecord } from './context';

type Input = Readonly<Record<string, unknown>>;

/** The kind whose import writes with a bulk mutation (the demo's service modules name mutations). */
export function kindOfMutation(mutation: string): KindSpec {
  const kind = KINDS.find((k) => k.targets.some((t) => t.mutation === mutation));
  if (!kind) throw new Error(`demo: no import kind writes with ${mutation}`);
  return kind;
}

/**
 * A mutation-input row as a school's sheet has it: teachers by 身份证件号 and 姓名 instead of their
 * ids, schools by 学校标识码, every other field in the column that feeds it. A school a kind
 * requires but the input leaves out (the principal's own) is the teacher's school.
 */
export function sheetRow(kind: KindSpec, input: Input, teachers: ReadonlyMap<string, DemoTeacherRecord>, schools: ReadonlyMap<string, DemoSchoolRecord>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const refFields = new Set<string>();
  let teacherSchool: string | undefined;
  for (const ref of kind.teachers ?? []) {
    refFields.add(ref.idField);
    const id = input[ref.idField];
    if (typeof id !== 'string') continue;
    const t = teachers.get(id);
    if (!t) throw new Error(`demo: ${kind.kind} names teacher ${id}, who is not in the district`);
    out[ref.idNumberKey] = t.idNumber;
    if (ref.nameKey) out[ref.nameKey] = t.name;
    teacherSchool ??= t.schoolId;
  }
  const s = kind.school;
  if (s) {
    refFields.add(s.idField);
    const id = (input[s.idField] as string | undefined) ?? (s.optional ? undefined : teacherSchool);
    if (id) {
      const school = schools.get(id);
      if (!school) throw new Error(`demo: ${kind.kind} names school ${id}, which is not in the district`);
      out[s.codeKey] = school.code;
    }
  }
  for (const [field, value] of Object.entries(input)) {
    if (refFields.has(field) || value === undefined) continue;
    const column = kind.columns.find((c) => (c.inputFields ?? [c.key]).includes(field));
    if (!column) throw new Error(`demo: ${kind.kind} has no column for ${field}`);
    out[column.key] = value;
  }
  return out;
}

/** A date written the way a clerk types it: 2024年3月12日. */
const chineseDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${Number(v.slice(0, 4))}年${Number(v.slice(5, 7))}月${Number(v.slice(8, 10))}日` : undefined);
/** A real Excel date cell. */
const excelDate = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00Z`) : undefined);

/**
 * How the demo's files for each kind look: the quirks real files have (title and note rows, codes
 * written as `code-label` or the bare code, dates as text or real Excel dates, amounts with
 * thousands separators, synonyms and * marks in headers). The reader must take them all.
 */
export function fileStyle(kind: KindSpec, year: number): SchoolFileOptions {
  switch (kind.kind) {
    case 'schools':
      return { title: '中原区中小学（幼儿园）名单', subtitle: `填报单位：郑州市中原区教育局　　填报日期：${year}年3月1日` };
    case 'quotas':
      // schools by name only, in a sheet titled as the bureau's
      return { sheetName: '核定编制', title: `中原区${year - 2}—${year}年度中小学核定编制`, columns: ['schoolName', 'year', 'approved'], headers: { schoolName: '学校', approved: '核定编制数（人）' } };
    case 'hires':
      return { title: '新招聘教师名单', cell: (key, input, v) => (key === 'year' ? `${input.year}年` : key === 'inQuotaDate' && typeof v === 'string' ? v.replace(/-0?/g, '/') : undefined) };
    case 'rotations':
      return { headers: { idNumber: '身份证号码', startMonth: '开始年月(yyyy-MM)' }, cell: (key, _i, v) => (key === 'personnelRelationMoved' ? (v === '是' ? '1-是' : '0-否') : undefined) };
    case 'trainings':
      return {
        title: `${year - 2}—${year}年度教师培训登记表`,
        headers: { idNumber: '身份证号码', hours: '培训获得学时（学时）' },
        cell: (key, input, v) => (key === 'level' && typeof v === 'string' ? `${codeOf(kind, 'level', input.level)}-${v}` : key === 'mode' ? codeOf(kind, 'mode', input.mode) : undefined),
        notes: ['合计：见汇总表', '填表说明：培训类别、培训方式可填代码'],
      };
    case 'designations':
      return { cell: (key, _i, v) => (key === 'validUntil' ? excelDate(v) : undefined) };
    case 'pay':
      return { title: `${year - 2}—${year - 1}年度教师工资收入情况`, cell: (key, _i, v) => (key === 'annualIncome' && typeof v === 'number' ? v.toLocaleString('en-US', { minimumFractionDigits: 2 }) : undefined) };
    case 'ethics':
      return { cell: (key, _i, v) => (key === 'occurredOn' || key === 'revokedOn' ? chineseDate(v) : undefined) };
    case 'awards':
      return { headers: { title: '*荣誉称号', awardedOn: '荣誉发生日期(yyyy-MM-dd)' }, cell: (key, input, v) => (key === 'level' && v !== null ? codeOf(kind, 'level', input.level) : undefined) };
    case 'appraisals':
      return { title: `${year - 2}—${year - 1}年度考核结果汇总表`, subtitle: '填报单位：郑州市中原区教育局' };
    case 'inspections':
      // one 学校 column holding the school's code
      return { columns: ['year', 'name', 'department', 'schoolName', 'heldOn'], headers: { schoolName: '学校' }, cell: (key, input) => (key === 'schoolName' ? ((input.schoolCode as string | undefined) ?? null) : undefined) };
    case 'principal-ranks':
      return { cell: (key, _i, v) => (key === 'rank' && typeof v === 'string' ? v.replace(/校长$/, '') : undefined) };
    default:
      return {};
  }
}

/** A coded column's national code for a value (10 for 国家级). */
function codeOf(kind: KindSpec, key: string, value: unknown): string | undefined {
  const column = kind.columns.find((c) => c.key === key);
  const label = column?.type.format(value);
  const choice = column?.type.choices?.find((c) => c.endsWith(`-${label}`));
  return choice ? choice.slice(0, choice.indexOf('-')) : undefined;
}

/**
 * How one school's roster looks, by the school's place in the list: a title and 填报单位 row above
 * the header and a 填表说明 block below (all), then codes as `code-label`, dates as text in several
 * forms, or headers with * marks, synonyms and format suffixes (in turn).
 */
export function rosterStyle(school: { name: string }, index: number, year: number): SchoolFileOptions {
  const base: SchoolFileOptions = {
    sheetName: '基本信息',
    title: `${school.name}${year}年教职工基本信息表`,
    subtitle: `填报单位：${school.name}`,
    // the upload names the school: the file has no school column
    columns: ['staffNo', 'name', 'gender', 'idType', 'idNumber', 'birthDate', 'ethnicity', 'politicalStatus', 'workStartMonth', 'schoolStartMonth', 'inQuota', 'employmentForm', 'postCategory', 'professionalTitle', 'education', 'teachingStage', 'teachingSubject', 'status'],
    notes: ['填表说明：1. 带*的为必填项；2. 身份证件号请以文本格式填写。', '填表人：王老师　　审核人：李校长'],
  };
  switch (index % 3) {
    case 0:
      return {
        ...base,
        cell: (key, input) => {
          if (key === 'gender') return input.gender === 'MALE' ? '1-男' : '2-女';
          if (key === 'inQuota') return input.inQuota ? '1-是' : '0-否';
          return undefined;
        },
      };
    case 1:
      return {
        ...base,
        cell: (key, input, v) => {
          if (key === 'birthDate' && typeof v === 'string') return `${Number(v.slice(0, 4))}年${Number(v.slice(5, 7))}月${Number(v.slice(8, 10))}日`;
          if (key === 'workStartMonth' && typeof v === 'string') return `${v.slice(0, 4)}.${v.slice(5, 7)}`;
          if (key === 'schoolStartMonth' && typeof v === 'string') return `${v.slice(0, 4)}${v.slice(5, 7)}`;
          if (key === 'idNumber' && typeof input.idNumber === 'string' && Number(input.idNumber.slice(-1)) % 5 === 0) return ` ${input.idNumber} `;
          return undefined;
        },
      };
    default:
      return {
        ...base,
        headers: { name: '*姓名', idNumber: '*身份证号码', birthDate: '*出生日期(yyyy-MM-dd)', workStartMonth: '参加工作年月（年月）', schoolStartMonth: '进本校时间', professionalTitle: '职称' },
        cell: (key, input, v) => (key === 'birthDate' ? excelDate(v) : key === 'ethnicity' && typeof v === 'string' ? `${codeOf(teachersKind, 'ethnicity', input.ethnicity)}-${v}` : undefined),
      };
  }
}
