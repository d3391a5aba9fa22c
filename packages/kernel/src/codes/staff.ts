import { Classification, classifyByKeywords, CodeTable, keywordPool, normalizeText } from './code-table';

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
  { value: 'PUBLIC', label: '公办', aliases: ['公立', '教育部门', '地方教育部门'], keywords: ['公办', '公立'] },
  { value: 'PRIVATE', label: '民办', aliases: ['私立'], keywords: ['民办', '私立'] },
] as const);

/** 用人形式 of a teacher without an established post. */
export const EMPLOYMENT_FORM = new CodeTable('EmploymentForm', '用人形式', [
  { value: 'CONTRACT', label: '合同制', aliases: ['合同制教师', '聘用'], keywords: ['合同', '聘用', '临聘', '聘任制'] },
  { value: 'PERSONNEL_AGENCY', label: '人事代理', keywords: ['人事代理', '代理'] },
  { value: 'LABOR_DISPATCH', label: '劳务派遣', keywords: ['派遣', '劳务'] },
  { value: 'OTHER', label: '其他' },
] as const);

/** 岗位类别. */
export const POST_CATEGORY = new CodeTable('PostCategory', '岗位类别', [
  { value: 'TEACHING', code: '1', label: '教师岗位', aliases: ['专任教师', '教师'], keywords: ['教师岗', '专任教师', '教学岗'] },
  { value: 'OTHER_PROFESSIONAL', code: '2', label: '其他专业技术岗位', keywords: ['其他专业技术', '专技岗'] },
  { value: 'MANAGEMENT', code: '3', label: '管理岗位', keywords: ['管理岗', '行政岗'] },
  { value: 'SUPPORT', code: '4', label: '工勤技能岗位', aliases: ['工勤岗位'], keywords: ['工勤', '后勤岗'] },
] as const);

/** 专业技术职务, with the titles before the 2015 reform mapped to the unified ones. */
export const PROFESSIONAL_TITLE = new CodeTable('ProfessionalTitle', '专业技术职务', [
  { value: 'SENIOR_FULL', label: '正高级教师', aliases: ['正高级', '正高'], keywords: ['正高'] },
  {
    value: 'SENIOR',
    label: '高级教师',
    aliases: ['中学高级教师', '中小学高级教师', '高级', '副高级', '副高'],
    keywords: ['中学高级', '中小学高级', '副高', '中高'],
  },
  {
    value: 'FIRST_GRADE',
    label: '一级教师',
    aliases: ['中学一级教师', '中小学一级教师', '小学高级教师', '幼儿园高级教师', '一级'],
    keywords: ['中学一级', '中小学一级', '小学高级', '幼儿园高级', '中一', '小高'],
  },
  {
    value: 'SECOND_GRADE',
    label: '二级教师',
    aliases: ['中学二级教师', '中小学二级教师', '小学一级教师', '幼儿园一级教师', '二级'],
    keywords: ['中学二级', '中小学二级', '小学一级', '幼儿园一级', '中二', '小一'],
  },
  {
    value: 'THIRD_GRADE',
    label: '三级教师',
    aliases: ['中学三级教师', '中小学三级教师', '小学二级教师', '小学三级教师', '幼儿园二级教师', '幼儿园三级教师', '三级'],
    keywords: ['中学三级', '中小学三级', '小学二级', '小学三级', '幼儿园二级', '幼儿园三级', '中三', '小二', '小三'],
  },
  { value: 'UNRANKED', label: '未评', aliases: ['未定职级', '无', '未评定', '未定级'], keywords: ['未评', '未定级', '无职称', '未聘'] },
] as const);

/** 招聘方式 of a hire. */
export const HIRE_CHANNEL = new CodeTable('HireChannel', '招聘方式', [
  { value: 'CAMPUS', label: '校园招聘', keywords: ['校园', '校招', '高校毕业生'] },
  { value: 'PUBLIC_OPEN', label: '社会公开招聘', aliases: ['公开招聘', '社会招聘'], keywords: ['公开招聘', '社会招聘', '招教考试', '特岗'] },
  { value: 'TALENT_INTRODUCTION', label: '招才引智', aliases: ['人才引进'], keywords: ['招才引智', '人才引进', '引进'] },
  { value: 'OTHER', label: '其他' },
] as const);

/**
 * 人员状态: in service (100), not at post for now (2xx, with a sub-status such as 借出), or one of the
 * leaving states, which take a teacher out of every count of serving teachers.
 */
export const STAFF_STATUS = new CodeTable('StaffStatus', '人员状态', [
  { value: 'IN_SERVICE', code: '100', label: '在本单位任职', aliases: ['在职', '在岗'], keywords: ['在职在岗', '在编在岗', '在岗在职', '正常在岗'] },
  { value: 'NOT_AT_POST', label: '暂未在本单位任职' },
  { value: 'TRANSFERRED_OUT', label: '调出', keywords: ['调出', '调离', '调走', '已调'] },
  { value: 'RETIRED', label: '退休', aliases: ['已退休'], keywords: ['退休'] },
  { value: 'RESIGNED', label: '离职', aliases: ['辞职', '解聘'], keywords: ['离职', '辞职', '辞聘', '解聘', '解除聘用'] },
  { value: 'DECEASED', label: '死亡', aliases: ['去世'], keywords: ['死亡', '去世', '病故', '亡故', '逝世'] },
] as const);

export type StaffStatus = (typeof STAFF_STATUS)['entries'][number]['value'];
export const SERVING_STATUSES: readonly StaffStatus[] = ['IN_SERVICE', 'NOT_AT_POST'];

/** The sub-statuses of 暂未在本单位任职 seen in district files; others are kept as written. */
export const NOT_AT_POST_DETAILS = ['借出', '长病假', '进修', '交流轮岗', '待退休', '产假', '待岗', '停薪留职', '挂职锻炼', '援派', '其他'];

/**
 * Words files write for a 暂未在本单位任职 sub-status, by the sub-status they name: a cell such as
 * “病休” or “借调外单位” is read as that sub-status (and the reader says so).
 */
export const NOT_AT_POST_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  借出: ['借调', '外借', '借用'],
  长病假: ['病假', '病休', '休病假'],
  进修: ['脱产学习', '在外进修', '读研'],
  交流轮岗: ['交流', '轮岗', '支教'],
  待退休: ['内退', '提前离岗'],
  产假: ['产假', '休产假', '哺乳假'],
  停薪留职: ['停薪'],
  挂职锻炼: ['挂职'],
  援派: ['援疆', '援藏', '援外'],
};

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

/** Every word of a 人员状态 cell, by what it names: a status, or 暂未在本单位任职 with a sub-status. */
const STAFF_STATUS_WORDS = keywordPool<string>('StaffStatus', [
  ...STAFF_STATUS.entries.flatMap((e) => (e.keywords ?? []).map((k) => [k, e.value] as const)),
  ...NOT_AT_POST_DETAILS.filter((d) => d !== '其他').map((d) => [d, `NOT_AT_POST:${d}`] as const),
  ...Object.entries(NOT_AT_POST_KEYWORDS).flatMap(([detail, words]) => words.map((w) => [w, `NOT_AT_POST:${detail}`] as const)),
]);

const asStatus = (v: string): ParsedStaffStatus =>
  v.startsWith('NOT_AT_POST:') ? { status: 'NOT_AT_POST', detail: v.slice('NOT_AT_POST:'.length) } : v === 'IN_SERVICE' ? { status: 'IN_SERVICE', code: '100' } : { status: v as StaffStatus };

/**
 * Reads a 人员状态 cell written in words that `parseStaffStatus` refuses (病休, 借调外单位, 已调离):
 * the status its keywords name, or every status they name when they name several.
 * @example classifyStaffStatus('借调至区教育局') // { value: { status: 'NOT_AT_POST', detail: '借出' }, keyword: '借调' }
 */
export function classifyStaffStatus(input: unknown): Classification<ParsedStaffStatus> | undefined {
  if (input === null || input === undefined) return undefined;
  const c = classifyByKeywords(String(input), STAFF_STATUS_WORDS);
  if (!c) return undefined;
  if ('value' in c) return { value: asStatus(c.value), keyword: c.keyword };
  return { ambiguous: c.ambiguous.map((a) => ({ value: asStatus(a.value), keyword: a.keyword })) };
}

/** A status as people read it: 在本单位任职, 暂未在本单位任职-借出, 退休… */
export function staffStatusLabel(s: ParsedStaffStatus): string {
  if (s.status === 'NOT_AT_POST') return `${STAFF_STATUS.label('NOT_AT_POST')}${s.detail ? `-${s.detail}` : ''}`;
  return STAFF_STATUS.label(s.status);
}
