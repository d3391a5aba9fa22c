import { CodeTable } from './code-table';

/** 年度考核 result; 不定等次 for staff too new to grade. */
export const APPRAISAL_RESULT = new CodeTable('AppraisalResult', '考核结果', [
  { value: 'EXCELLENT', label: '优秀', keywords: ['优秀'] },
  { value: 'COMPETENT', label: '合格', aliases: ['称职'], keywords: ['合格', '称职'] },
  { value: 'BASICALLY_COMPETENT', label: '基本合格', aliases: ['基本称职'], keywords: ['基本合格', '基本称职'] },
  { value: 'INCOMPETENT', label: '不合格', aliases: ['不称职'], keywords: ['不合格', '不称职'] },
  { value: 'UNGRADED', label: '不定等次', keywords: ['不定等次', '未定等次', '不确定等次'] },
] as const);

/** 师德考核结论. */
export const ETHICS_RESULT = new CodeTable('EthicsResult', '师德考核结论', [
  { value: 'EXCELLENT', label: '优秀', keywords: ['优秀'] },
  { value: 'COMPETENT', label: '合格', keywords: ['合格'] },
  { value: 'BASICALLY_COMPETENT', label: '基本合格', keywords: ['基本合格'] },
  { value: 'INCOMPETENT', label: '不合格', keywords: ['不合格'] },
] as const);

/** 处分类别 and how many months each bars a teacher from the sanction date (null: permanently). */
export const SANCTION = new CodeTable('Sanction', '处分类别', [
  { value: 'WARNING', label: '警告', keywords: ['警告'] },
  { value: 'DEMERIT', label: '记过', keywords: ['记过'] },
  { value: 'DEMOTION', label: '降低岗位等级', aliases: ['降低岗位等级或撤职', '降级'], keywords: ['降低岗位等级或撤职', '降低岗位', '降级', '降岗'] },
  { value: 'REMOVAL', label: '撤职', keywords: ['撤职', '撤销职务'] },
  { value: 'EXPULSION', label: '开除', keywords: ['开除'] },
] as const);
export type Sanction = (typeof SANCTION)['entries'][number]['value'];
export const SANCTION_MONTHS: Readonly<Record<Sanction, number | null>> = {
  WARNING: 6,
  DEMERIT: 12,
  DEMOTION: 24,
  REMOVAL: 24,
  EXPULSION: null,
};

/**
 * 负面清单: the ten items of 新时代中小学教师职业行为十项准则. A school writes a sanction's reason in
 * words (违规有偿补课, 体罚学生, 收受礼品); each item's keywords are the behaviour it forbids, as the
 * 准则 words it and as files describe it, so such text is read as the item it names (`classify`) and
 * the original words are kept. Text that names no item, or several, is kept unclassified for the
 * bureau to settle.
 */
export const NEGATIVE_LIST_ITEM = new CodeTable('NegativeListItem', '负面清单事项', [
  {
    value: 'POLITICAL_DIRECTION',
    code: '1',
    label: '坚定政治方向',
    keywords: ['政治方向', '政治立场', '损害党中央权威', '违背党的路线方针政策', '违背党的路线', '错误政治言论', '错误政治观点', '妄议中央'],
  },
  {
    value: 'PATRIOTISM_AND_LAW',
    code: '2',
    label: '自觉爱国守法',
    keywords: ['损害国家利益', '损害社会公共利益', '违背社会公序良俗', '违法犯罪', '刑事处罚', '治安处罚', '行政拘留', '酒驾', '醉驾', '酒后驾驶', '赌博', '吸毒'],
  },
  {
    value: 'FINE_CULTURE',
    code: '3',
    label: '传播优秀文化',
    keywords: ['歪曲事实', '封建迷信', '散布迷信', '宣扬迷信', '散布谣言', '传播谣言', '网络谣言', '有害信息', '不良信息', '邪教'],
  },
  {
    value: 'DEVOTION_TO_TEACHING',
    code: '4',
    label: '潜心教书育人',
    keywords: ['教学纪律', '敷衍教学', '敷衍塞责', '擅离职守', '旷工', '旷课', '无故缺课', '脱岗', '空岗', '兼职兼薪', '违规兼职', '在外兼职'],
  },
  {
    value: 'CARE_FOR_STUDENTS',
    code: '5',
    label: '关心爱护学生',
    keywords: ['体罚', '变相体罚', '殴打学生', '打骂学生', '辱骂学生', '打学生', '骂学生', '侮辱学生', '歧视学生', '虐待学生', '伤害学生', '罚站', '罚跪'],
  },
  {
    value: 'SAFETY',
    code: '6',
    label: '加强安全防范',
    keywords: ['安全事故', '安全责任', '安全隐患', '安全防范', '安全管理', '未组织疏散', '先于学生逃离', '擅自离开学生'],
  },
  {
    value: 'PROPER_CONDUCT',
    code: '7',
    label: '坚持言行雅正',
    keywords: ['不正当关系', '猥亵', '性骚扰', '言行失范', '有悖社会公德', '作风不正', '举止不文明', '师生恋'],
  },
  {
    value: 'FAIRNESS_AND_INTEGRITY',
    code: '8',
    label: '秉持公平诚信',
    keywords: ['弄虚作假', '学术不端', '抄袭', '剽窃', '考试作弊', '协助作弊', '评优造假', '职称造假', '篡改成绩', '骗取'],
  },
  {
    value: 'INCORRUPTIBILITY',
    code: '9',
    label: '坚守廉洁自律',
    keywords: ['收受礼品', '收受礼金', '收受财物', '收受家长', '收受学生', '红包', '礼金', '购物卡', '索要财物', '索要', '宴请', '吃请', '付费旅游', '推销教辅', '推销图书', '推销', '谋取私利'],
  },
  {
    value: 'REGULATED_PRACTICE',
    code: '10',
    label: '规范从教行为',
    keywords: ['有偿补课', '有偿家教', '有偿辅导', '补课', '校外培训机构', '培训机构兼职', '介绍生源'],
  },
] as const);

/**
 * How a violation's 处分原因 became its negative-list item: written as the item (its number or
 * name), read from the words by the item's keywords, not classified (the words name no item, or
 * several: the sanction still counts for the veto, and the bureau settles the item), or settled by
 * the bureau.
 */
export const REASON_CLASSIFICATION = new CodeTable('ReasonClassification', '处分原因归类', [
  { value: 'LISTED', label: '按负面清单事项填写' },
  { value: 'KEYWORD', label: '按关键词归类' },
  { value: 'UNCLASSIFIED', label: '未归类' },
  { value: 'SETTLED', label: '教育局确定' },
] as const);
export type ReasonClassification = (typeof REASON_CLASSIFICATION)['entries'][number]['value'];

/** 荣誉级别. */
export const HONOR_LEVEL = new CodeTable('HonorLevel', '荣誉级别', [
  { value: 'NATIONAL', code: '1', label: '国家级', aliases: ['国家'], keywords: ['国家级', '全国'] },
  { value: 'PROVINCIAL', code: '2', label: '省级', aliases: ['省'], keywords: ['省级', '省部级', '省委', '省政府', '省教育厅'] },
  { value: 'MUNICIPAL', code: '3', label: '地市级', aliases: ['市级', '市'], keywords: ['地市', '市级', '市委', '市政府', '市教育局'] },
  { value: 'COUNTY', code: '4', label: '县级', aliases: ['区级', '县区级', '区县级', '区', '县'], keywords: ['县级', '区级', '县区', '区县', '区委', '区政府', '区教育局', '县教育局', '县委', '县政府'] },
  { value: 'GRASSROOTS', code: '5', label: '基层单位', aliases: ['校级', '乡镇级'], keywords: ['校级', '学校', '乡镇', '镇级', '基层'] },
  { value: 'INTERNATIONAL', code: '8', label: '国际', aliases: ['国际级'], keywords: ['国际'] },
  { value: 'NONE', code: '0', label: '无' },
] as const);

/** 校长职级, written with or without 校长. */
export const PRINCIPAL_RANK = new CodeTable('PrincipalRank', '职级', [
  { value: 'SPECIAL', label: '特级校长', aliases: ['特级'], keywords: ['特级'] },
  { value: 'SENIOR', label: '高级校长', aliases: ['高级'], keywords: ['高级'] },
  { value: 'INTERMEDIATE', label: '中级校长', aliases: ['中级'], keywords: ['中级'] },
  { value: 'JUNIOR', label: '初级校长', aliases: ['初级'], keywords: ['初级'] },
] as const);

/** 党组织领导的校长负责制 rollout state of a school. */
export const REFORM_STATUS = new CodeTable('ReformStatus', '改革状态', [
  { value: 'NOT_STARTED', label: '未启动' },
  { value: 'PILOT', label: '试点' },
  { value: 'COMPLETED', label: '已完成', aliases: ['完成', '全面推行'] },
] as const);
