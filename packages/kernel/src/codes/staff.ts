import { CodeTable, normalizeText } from './code-table';

/** 办学类型 of the schools a district bureau oversees. */
export const SCHOOL_TYPE = new CodeTable('SchoolType', '办学类型', [
  { value: 'KINDERGARTEN', code: '111', label: '幼儿园' },
  { value: 'PRIMARY', code: '211', label: '小学' },
  { value: 'JUNIOR_HIGH', code: '311', label: '初中', aliases: ['初级中学'] },
  { value: 'NINE_YEAR', code: '312', label: '九年一贯制学校', aliases: ['九年一贯制'] },
  { value: 'COMPLETE_SECONDARY', code: '341', label: '完全中学' },
  { value: 'SENIOR_HIGH', code: '342', label: '高中', aliases: ['高级中学'] },
  { value: 'SECONDARY_VOCATIONAL', label: '中等职业学校', aliases: ['中职', '职业高中'] },
  { value: 'SPECIAL_EDUCATION', code: '514', label: '特殊教育学校', aliases: ['特教学校'] },
] as const);

/** 举办者: public (公办) or private (民办). */
export const SPONSOR = new CodeTable('Sponsor', '举办者', [
  { value: 'PUBLIC', label: '公办', aliases: ['公立', '教育部门', '地方教育部门'] },
  { value: 'PRIVATE', label: '民办', aliases: ['私立'] },
] as const);

/** 用人形式 of a teacher without an established post. */
export const EMPLOYMENT_FORM = new CodeTable('EmploymentForm', '用人形式', [
  { value: 'CONTRACT', label: '合同制', aliases: ['合同制教师', '聘用'] },
  { value: 'PERSONNEL_AGENCY', label: '人事代理' },
  { value: 'LABOR_DISPATCH', label: '劳务派遣' },
  { value: 'OTHER', label: '其他' },
] as const);

/** 岗位类别. */
export const POST_CATEGORY = new CodeTable('PostCategory', '岗位类别', [
  { value: 'TEACHING', code: '1', label: '教师岗位', aliases: ['专任教师', '教师'] },
  { value: 'OTHER_PROFESSIONAL', code: '2', label: '其他专业技术岗位' },
  { value: 'MANAGEMENT', code: '3', label: '管理岗位' },
  { value: 'SUPPORT', code: '4', label: '工勤技能岗位', aliases: ['工勤岗位'] },
] as const);

/** 专业技术职务, with the titles before the 2015 reform mapped to the unified ones. */
export const PROFESSIONAL_TITLE = new CodeTable('ProfessionalTitle', '专业技术职务', [
  { value: 'SENIOR_FULL', label: '正高级教师', aliases: ['正高级'] },
  { value: 'SENIOR', label: '高级教师', aliases: ['中学高级教师', '高级', '副高级'] },
  { value: 'FIRST_GRADE', label: '一级教师', aliases: ['中学一级教师', '小学高级教师', '幼儿园高级教师', '一级'] },
  { value: 'SECOND_GRADE', label: '二级教师', aliases: ['中学二级教师', '小学一级教师', '幼儿园一级教师', '二级'] },
  {
    value: 'THIRD_GRADE',
    label: '三级教师',
    aliases: ['中学三级教师', '小学二级教师', '小学三级教师', '幼儿园二级教师', '幼儿园三级教师', '三级'],
  },
  { value: 'UNRANKED', label: '未评', aliases: ['未定职级', '无', '未评定', '未定级'] },
] as const);

/** 招聘方式 of a hire. */
export const HIRE_CHANNEL = new CodeTable('HireChannel', '招聘方式', [
  { value: 'CAMPUS', label: '校园招聘' },
  { value: 'PUBLIC_OPEN', label: '社会公开招聘', aliases: ['公开招聘', '社会招聘'] },
  { value: 'TALENT_INTRODUCTION', label: '招才引智', aliases: ['人才引进'] },
  { value: 'OTHER', label: '其他' },
] as const);

/**
 * 人员状态: in service (100), not at post for now (2xx, with a sub-status such as 借出), or one of the
 * leaving states, which take a teacher out of every count of serving teachers.
 */
export const STAFF_STATUS = new CodeTable('StaffStatus', '人员状态', [
  { value: 'IN_SERVICE', code: '100', label: '在本单位任职', aliases: ['在职', '在岗'] },
  { value: 'NOT_AT_POST', label: '暂未在本单位任职' },
  { value: 'TRANSFERRED_OUT', label: '调出' },
  { value: 'RETIRED', label: '退休', aliases: ['已退休'] },
  { value: 'RESIGNED', label: '离职', aliases: ['辞职', '解聘'] },
  { value: 'DECEASED', label: '死亡', aliases: ['去世'] },
] as const);

export type StaffStatus = (typeof STAFF_STATUS)['entries'][number]['value'];
export const SERVING_STATUSES: readonly StaffStatus[] = ['IN_SERVICE', 'NOT_AT_POST'];

/** The sub-statuses of 暂未在本单位任职 seen in district files; others are kept as written. */
export const NOT_AT_POST_DETAILS = ['借出', '长病假', '进修', '交流轮岗', '待退休', '产假', '待岗', '停薪留职', '挂职锻炼', '援派', '其他'];

export interface ParsedStaffStatus {
  readonly status: StaffStatus;
  /** the national code when the cell had one (100, 201…299) */
  readonly code?: string;
  /** the 2xx sub-status (借出, 长病假…) */
  readonly detail?: string;
}

/**
 * Reads a 人员状态 cell: `100`, `在本单位任职`, `201-借出`, `暂未在本单位任职-借出`, `借出`, `退休`…
 * @example parseStaffStatus('203-进修') // { status: 'NOT_AT_POST', code: '203', detail: '进修' }
 */
export function parseStaffStatus(input: unknown): ParsedStaffStatus | undefined {
  if (input === null || input === undefined) return undefined;
  const text = normalizeText(String(input));
  if (!text) return undefined;
  const plain = STAFF_STATUS.parse(text);
  if (plain === 'IN_SERVICE') return { status: plain, code: '100' };
  if (plain) return { status: plain };
  // a three-digit code stands alone or before a separator or a label: '2011' is not 201 + '1'
  const m = /^(?:(\d{3})(?=$|[-—_:：、]|\D))?[-—_:：、]?(.*)$/.exec(text);
  if (!m) return undefined;
  const code = m[1];
  const label = m[2].replace(/^暂未在本单位任职[-—_:：、]?/, '').replace(/^[(（](.*)[)）]$/, '$1');
  if (code === '100') return label === '' || STAFF_STATUS.parse(label) === 'IN_SERVICE' ? { status: 'IN_SERVICE', code } : undefined;
  if (code) {
    if (!/^2\d\d$/.test(code) || (label && STAFF_STATUS.parse(label))) return undefined;
    return { status: 'NOT_AT_POST', code, detail: label || undefined };
  }
  if (label && (NOT_AT_POST_DETAILS.includes(label) || m[2].startsWith('暂未在本单位任职'))) return { status: 'NOT_AT_POST', detail: label };
  return undefined;
}
