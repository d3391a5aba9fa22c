import { CodeTable } from './code-table';

/** 优秀教育人才 categories. */
export const TALENT_CATEGORY = new CodeTable('TalentCategory', '人才类别', [
  { value: 'A', label: 'A类', aliases: ['A'] },
  { value: 'B', label: 'B类', aliases: ['B'] },
  { value: 'C', label: 'C类', aliases: ['C'] },
] as const);

/** 考核结果 of a talent-category assessment. */
export const TALENT_RESULT = new CodeTable('TalentResult', '考核结果', [
  { value: 'PASSED', label: '合格', aliases: ['通过'], keywords: ['合格', '通过'] },
  { value: 'FAILED', label: '不合格', aliases: ['未通过'], keywords: ['不合格', '未通过', '不通过'] },
] as const);
