import { CodeTable } from './code-table';

/** 培训类别 of 国内培训 (national codes). */
export const TRAINING_LEVEL = new CodeTable('TrainingLevel', '培训类别', [
  { value: 'NATIONAL', code: '10', label: '国家级', aliases: ['国培', '国家级培训'], keywords: ['国家级', '国培'] },
  { value: 'PROVINCIAL', code: '20', label: '省级', aliases: ['省培', '省级培训'], keywords: ['省级', '省培'] },
  { value: 'MUNICIPAL', code: '30', label: '地市级', aliases: ['市级', '市培', '地市级培训'], keywords: ['地市', '市级', '市培'] },
  { value: 'COUNTY', code: '40', label: '县级', aliases: ['区级', '县区级', '区培', '县培', '县级培训'], keywords: ['县级', '区级', '县区', '区县', '区培', '县培'] },
  { value: 'SCHOOL', code: '60', label: '校级', aliases: ['校本', '校培', '校本培训'], keywords: ['校级', '校本', '校培'] },
  { value: 'OTHER', code: '99', label: '其他' },
] as const);

/** 培训方式 of 国内培训 (national codes). */
export const TRAINING_MODE = new CodeTable('TrainingMode', '培训方式', [
  { value: 'LONG_TERM_RELEASE', code: '1', label: '长期脱产研修（一个月以上）', aliases: ['长期脱产研修', '脱产研修'], keywords: ['脱产'] },
  { value: 'SHORT_FACE_TO_FACE', code: '2', label: '短期面授', aliases: ['面授'], keywords: ['面授', '集中培训', '集中研修', '线下', '现场培训'] },
  { value: 'ONLINE', code: '3', label: '网络研修', aliases: ['网络培训', '线上'], keywords: ['网络', '线上', '远程', '在线'] },
  { value: 'BLENDED', code: '4', label: '面授+网络', aliases: ['混合式', '线上线下结合'], keywords: ['面授+网络', '网络+面授', '线上线下', '线上+线下', '混合'] },
  { value: 'OTHER', code: '9', label: '其他' },
] as const);

/** 培训主题: inferred from the project name when a file does not give it. */
export const TRAINING_TOPIC = new CodeTable('TrainingTopic', '培训主题', [
  { value: 'ETHICS', label: '师德', aliases: ['师德师风'], keywords: ['师德', '师风'] },
  { value: 'POLITICAL', label: '思想政治', aliases: ['政治理论', '思政'], keywords: ['思政', '思想政治', '政治理论', '党史'] },
  { value: 'SUBJECT_TEACHING', label: '学科教学', keywords: ['学科教学', '课堂教学', '教学能力', '新课标'] },
  { value: 'IT', label: '信息技术', aliases: ['信息技术应用能力'], keywords: ['信息技术', '信息化', '智慧教育', '数字化'] },
  { value: 'HOMEROOM', label: '班主任', keywords: ['班主任'] },
  { value: 'OTHER', label: '其他' },
] as const);

/** 入选人才项目 称号. */
export const DESIGNATION_KIND = new CodeTable('DesignationKind', '称号', [
  { value: 'FAMOUS_TEACHER', label: '名师', aliases: ['教学名师'], keywords: ['名师', '教学名师'] },
  { value: 'BACKBONE_TEACHER', label: '骨干教师', keywords: ['骨干'] },
  { value: 'SUBJECT_LEADER', label: '学科带头人', keywords: ['学科带头人', '带头人'] },
  { value: 'FAMOUS_HOMEROOM_TEACHER', label: '名班主任', keywords: ['名班主任'] },
  { value: 'SPECIAL_GRADE_TEACHER', label: '特级教师', keywords: ['特级教师'] },
  { value: 'ZHONGYUAN_TALENT', label: '中原英才计划', aliases: ['中原英才'], keywords: ['中原英才'] },
  { value: 'ZHONGYUAN_FAMOUS_TEACHER', label: '中原名师', keywords: ['中原名师'] },
  { value: 'ZHONGYUAN_TEACHING_EXPERT', label: '中原教学名师', keywords: ['中原教学名师'] },
  { value: 'OTHER', label: '其他' },
] as const);

/** 级别 of a designation or a studio: 国家/省/市/区. */
export const DESIGNATION_LEVEL = new CodeTable('DesignationLevel', '级别', [
  { value: 'NATIONAL', code: '1', label: '国家级', aliases: ['国家'], keywords: ['国家级', '全国'] },
  { value: 'PROVINCIAL', code: '2', label: '省级', aliases: ['省'], keywords: ['省级'] },
  { value: 'MUNICIPAL', code: '3', label: '市级', aliases: ['地市级', '市'], keywords: ['地市', '市级'] },
  { value: 'DISTRICT', code: '4', label: '区级', aliases: ['县级', '区县级', '县区级', '区', '县'], keywords: ['区级', '县级', '县区', '区县'] },
] as const);

/** 工作室 类型. */
export const STUDIO_KIND = new CodeTable('StudioKind', '工作室类型', [
  { value: 'FAMOUS_TEACHER', label: '名师工作室' },
  { value: 'FAMOUS_HOMEROOM_TEACHER', label: '名班主任工作室' },
] as const);

/** 课 类型. */
export const LESSON_KIND = new CodeTable('LessonKind', '课型', [
  { value: 'DEMONSTRATION', label: '示范课', keywords: ['示范'] },
  { value: 'OBSERVATION', label: '观摩课', keywords: ['观摩'] },
  { value: 'OPEN', label: '公开课', keywords: ['公开课'] },
] as const);
