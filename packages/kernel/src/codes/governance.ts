import { CodeTable } from './code-table';

/** 年度考核 result; 不定等次 for staff too new to grade. */
export const APPRAISAL_RESULT = new CodeTable('AppraisalResult', '考核结果', [
  { value: 'EXCELLENT', label: '优秀' },
  { value: 'COMPETENT', label: '合格', aliases: ['称职'] },
  { value: 'BASICALLY_COMPETENT', label: '基本合格', aliases: ['基本称职'] },
  { value: 'INCOMPETENT', label: '不合格', aliases: ['不称职'] },
  { value: 'UNGRADED', label: '不定等次' },
] as const);

/** 师德考核结论. */
export const ETHICS_RESULT = new CodeTable('EthicsResult', '师德考核结论', [
  { value: 'EXCELLENT', label: '优秀' },
  { value: 'COMPETENT', label: '合格' },
  { value: 'BASICALLY_COMPETENT', label: '基本合格' },
  { value: 'INCOMPETENT', label: '不合格' },
] as const);

/** 处分类别 and how many months each bars a teacher from the sanction date (null: permanently). */
export const SANCTION = new CodeTable('Sanction', '处分类别', [
  { value: 'WARNING', label: '警告' },
  { value: 'DEMERIT', label: '记过' },
  { value: 'DEMOTION', label: '降低岗位等级', aliases: ['降低岗位等级或撤职', '降级'] },
  { value: 'REMOVAL', label: '撤职' },
  { value: 'EXPULSION', label: '开除' },
] as const);
export type Sanction = (typeof SANCTION)['entries'][number]['value'];
export const SANCTION_MONTHS: Readonly<Record<Sanction, number | null>> = {
  WARNING: 6,
  DEMERIT: 12,
  DEMOTION: 24,
  REMOVAL: 24,
  EXPULSION: null,
};

/** 负面清单: the ten items of 新时代中小学教师职业行为十项准则. */
export const NEGATIVE_LIST_ITEM = new CodeTable('NegativeListItem', '负面清单事项', [
  { value: 'POLITICAL_DIRECTION', code: '1', label: '坚定政治方向' },
  { value: 'PATRIOTISM_AND_LAW', code: '2', label: '自觉爱国守法' },
  { value: 'FINE_CULTURE', code: '3', label: '传播优秀文化' },
  { value: 'DEVOTION_TO_TEACHING', code: '4', label: '潜心教书育人' },
  { value: 'CARE_FOR_STUDENTS', code: '5', label: '关心爱护学生' },
  { value: 'SAFETY', code: '6', label: '加强安全防范' },
  { value: 'PROPER_CONDUCT', code: '7', label: '坚持言行雅正' },
  { value: 'FAIRNESS_AND_INTEGRITY', code: '8', label: '秉持公平诚信' },
  { value: 'INCORRUPTIBILITY', code: '9', label: '坚守廉洁自律' },
  { value: 'REGULATED_PRACTICE', code: '10', label: '规范从教行为' },
] as const);

/** 荣誉级别. */
export const HONOR_LEVEL = new CodeTable('HonorLevel', '荣誉级别', [
  { value: 'NATIONAL', code: '1', label: '国家级' },
  { value: 'PROVINCIAL', code: '2', label: '省级' },
  { value: 'MUNICIPAL', code: '3', label: '地市级', aliases: ['市级'] },
  { value: 'COUNTY', code: '4', label: '县级', aliases: ['区级', '县区级'] },
  { value: 'GRASSROOTS', code: '5', label: '基层单位', aliases: ['校级'] },
  { value: 'INTERNATIONAL', code: '8', label: '国际' },
  { value: 'NONE', code: '0', label: '无' },
] as const);

/** 校长职级, written with or without 校长. */
export const PRINCIPAL_RANK = new CodeTable('PrincipalRank', '职级', [
  { value: 'SPECIAL', label: '特级校长', aliases: ['特级'] },
  { value: 'SENIOR', label: '高级校长', aliases: ['高级'] },
  { value: 'INTERMEDIATE', label: '中级校长', aliases: ['中级'] },
  { value: 'JUNIOR', label: '初级校长', aliases: ['初级'] },
] as const);

/** 党组织领导的校长负责制 rollout state of a school. */
export const REFORM_STATUS = new CodeTable('ReformStatus', '改革状态', [
  { value: 'NOT_STARTED', label: '未启动' },
  { value: 'PILOT', label: '试点' },
  { value: 'COMPLETED', label: '已完成', aliases: ['完成', '全面推行'] },
] as const);
