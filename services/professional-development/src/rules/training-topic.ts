import { normalizeText, TRAINING_TOPIC, ValueOf } from '@tw/kernel';

export type TrainingTopic = ValueOf<typeof TRAINING_TOPIC>;

/**
 * How a training's topic (培训主题) is inferred from its project name when a file does not give it:
 * the first rule with a word the name contains wins, so the order is the precedence.
 *
 * 1. A subject's own teaching, even when the subject is political (思政课, 思想政治学科, 道德与法治):
 *    that is subject teaching, not the political education of teachers the district counts.
 * 2. 师德: professional ethics (师德师风, 职业道德, 十项准则, 警示教育…).
 * 3. 思想政治: political theory and Party education of teachers (党史, 二十大, 习近平新时代…).
 * 4. 班主任: homeroom and moral-education work (班主任, 德育, 班级管理, 家校共育…).
 * 5. 信息技术: IT in teaching (信息技术, 信息化, 人工智能, 智慧课堂, 数字素养…). 信息科技 is a
 *    school subject and falls to rule 6; "AI" counts only as a word of its own (not inside TRAINING).
 * 6. 学科教学: anything about a subject, lessons, curriculum or teaching research.
 * Otherwise 其他.
 */
export const TOPIC_RULES: ReadonlyArray<{ readonly topic: TrainingTopic; readonly words: ReadonlyArray<string | RegExp> }> = [
  { topic: 'SUBJECT_TEACHING', words: ['思政课', '思想政治课', '思想政治学科', '思想政治教师', '道德与法治', '道法'] },
  { topic: 'ETHICS', words: ['师德', '师风', '职业道德', '职业行为', '十项准则', '警示教育', '廉洁从教', '立德树人'] },
  {
    topic: 'POLITICAL',
    words: ['思想政治', '思政', '政治理论', '政治学习', '党史', '党的', '党纪', '党建', '党员', '二十大', '二十届', '习近平', '新思想', '意识形态', '主题教育', '理论学习'],
  },
  { topic: 'HOMEROOM', words: ['班主任', '德育', '班级管理', '家校共育', '家庭教育', '心理健康'] },
  { topic: 'IT', words: ['信息技术', '信息化', '人工智能', /(^|[^A-Z])AI([^A-Z]|$)/, '智慧教育', '智慧课堂', '智慧校园', '数字化', '数字素养', '教育技术'] },
  {
    topic: 'SUBJECT_TEACHING',
    words: [
      '学科', '教学', '课堂', '课程', '新课标', '课标', '教研', '命题', '作业设计', '大单元', '核心素养', '备课', '听评课', '实验操作',
      '语文', '数学', '英语', '物理', '化学', '生物', '历史', '地理', '科学', '音乐', '体育', '美术', '信息科技', '劳动教育', '学前教育', '特殊教育', '幼儿',
    ],
  },
];

/**
 * The topic a project name points to, by TOPIC_RULES.
 * @example inferTopic('2024年全区中小学教师师德师风专题培训') // 'ETHICS'
 */
export function inferTopic(projectName: string): TrainingTopic {
  const name = normalizeText(projectName).toUpperCase();
  for (const rule of TOPIC_RULES) {
    if (rule.words.some((w) => (typeof w === 'string' ? name.includes(w.toUpperCase()) : w.test(name)))) return rule.topic;
  }
  return 'OTHER';
}
