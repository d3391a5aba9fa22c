import type { FigureDefinition } from '@tw/kernel';

// Personnel's figures of the yearly report, as the bureau reads them (the workbook's 报表 and 说明 sheets,
// GET /reports/figures): each is put on its DistrictReport and SchoolReport fields with @Figure.

const G = '人事与编制';

export const SCHOOL_COUNT: FigureDefinition = { label: '学校数', unit: '所', format: 'count', group: G, order: 10, definition: '全区学校数（学校名录现状）。' };
export const PUBLIC_SCHOOL_COUNT: FigureDefinition = { label: '其中：公办学校数', unit: '所', format: 'count', group: G, order: 20, definition: '举办者为公办的学校数。' };
export const TEACHER_COUNT: FigureDefinition = {
  label: '在职教师数', unit: '人', format: 'count', group: G, order: 30, generalNote: true,
  definition: '教师：名册中人员状态为“在本单位任职”或“暂未在本单位任职”的教职工（不含调出、退休、离职、死亡）。名册只有现状，故各年度报表的在职人数相同。', kinds: ['teachers'],
};
export const PUBLIC_TEACHER_COUNT: FigureDefinition = { label: '其中：公办学校教师数', unit: '人', format: 'count', group: G, order: 40, definition: '公办学校的在职教师。', kinds: ['teachers'] };
export const PARTY_MEMBER_TEACHER_COUNT: FigureDefinition = {
  label: '党员教师数', unit: '人', format: 'count', group: G, order: 50,
  definition: '政治面貌为中国共产党党员或中国共产党预备党员的在职教师。', kinds: ['teachers'],
};
export const QUOTA_APPROVED: FigureDefinition = {
  label: '核定编制数', unit: '个', format: 'count', group: G, order: 60,
  definition: '当年各校核定编制数之和（学校对比中未核定的学校为空）。',
};
export const QUOTA_FILLED: FigureDefinition = { label: '在编在岗教师数', unit: '人', format: 'count', group: G, order: 70, definition: '“是否在编”为是的在职教师（现状），即已使用的编制。', kinds: ['teachers'] };
export const IN_QUOTA_HIRES: FigureDefinition = {
  label: '新入编人数', unit: '人', format: 'count', group: G, order: 80,
  definition: '入编日期在当年的招聘记录数。', schoolDefinition: '按教师现所在学校统计（招聘记录不带学校）。',
};
export const RECRUITED_TOTAL: FigureDefinition = {
  label: '招聘教师数', unit: '人', format: 'count', group: G, order: 90,
  definition: '招聘年度为当年的招聘记录数（含其后已离开的教师）。', schoolDefinition: '按教师现所在学校统计。',
};
export const RECRUITED_BY_CHANNEL: FigureDefinition = {
  label: '招聘教师数（按招聘方式）', unit: '人', format: 'count', group: G, order: 91,
  definition: '招聘年度为当年的招聘记录，按招聘方式。',
};
export const ROTATIONS: FigureDefinition = {
  label: '交流轮岗人次', unit: '人次', format: 'count', group: G, order: 100,
  definition: '开始年月在当年的交流轮岗记录数。', schoolDefinition: '按原单位（交流出校）统计；原单位不是本区学校的不计入任何学校。',
};
