import { FigureDefinition, SCHOOL_AS_RECORDED } from '@tw/kernel';

// Compensation's figures of the yearly report, as the bureau reads them (the workbook's 报表 and 说明 sheets,
// GET /reports/figures): each is put on its DistrictReport and SchoolReport fields with @Figure.

const G = '待遇保障';

export const AVERAGE_TEACHER_PAY: FigureDefinition = {
  label: '教师年平均工资收入', unit: '元', format: 'yuan', group: G, order: 10, withheldBy: 'payWithheld',
  definition: '公办学校在职教师（按工资记录填报时状态）当年年工资收入的平均数，四舍五入到分；不足 5 人的数字对无权查看其中每位教师的读者隐去。',
  schoolDefinition: '本校在职教师的平均数（民办学校也列出，但不比较公务员工资）。', kinds: ['pay'],
};
export const CIVIL_SERVANT_AVERAGE_PAY: FigureDefinition = {
  label: '当地公务员年平均工资', unit: '元', format: 'yuan', group: G, order: 20,
  definition: '区录入的当年公务员年平均工资。',
};
export const PAY_PARITY_RATIO: FigureDefinition = {
  label: '教师平均工资与公务员之比', unit: '%', format: 'percent', group: G, order: 30, withheldBy: 'payWithheld',
  definition: '教师年平均工资收入 ÷ 当地公务员年平均工资（政策要求不低于 100%）。', schoolDefinition: '仅公办学校。', kinds: ['pay'],
};
export const PAY_TEACHERS: FigureDefinition = {
  label: '计入平均工资的教师数', unit: '人', format: 'count', group: G, order: 40,
  definition: '上述平均数所依据的教师人数（即使平均数隐去也列出）。', kinds: ['pay'],
};
export const TALENT_PASSED: FigureDefinition = {
  label: '优秀教育人才考核合格', unit: '人', format: 'count', group: G, order: 50,
  definition: '当年考核结果为“合格”的优秀教育人才（A/B/C 类）。', schoolDefinition: SCHOOL_AS_RECORDED,
};
export const TALENT_PASSED_BY_CATEGORY: FigureDefinition = {
  label: '优秀教育人才考核合格（按类别）', unit: '人', format: 'count', group: G, order: 51,
  definition: '当年考核合格的优秀教育人才，按类别；不足 5 人的类别对非区级管理员隐去。',
};
export const TALENT_SUBSIDY_TOTAL: FigureDefinition = {
  label: '人才补贴发放总额', unit: '元', format: 'yuan', group: G, order: 60,
  definition: '考核合格者当年补贴金额之和。', schoolDefinition: SCHOOL_AS_RECORDED,
};
