import { year, yuan } from '../spec/column-types';
import { ColumnSpec, defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

// a header is also matched without its (元/月) suffix: 基本工资
const monthly = (key: string, header: string, synonyms: string[], example: number): ColumnSpec => ({
  key,
  header: `${header}(元/月)`,
  synonyms,
  type: yuan(),
  example,
  inputFields: [key],
});

/** 基本待遇: a teacher's pay of a finished year (upsertPayRecords). */
export const payKind = defineKind({
  kind: 'pay',
  title: '基本待遇',
  nationalSubset: '基本待遇',
  service: 'compensation',
  mutation: 'upsertPayRecords',
  inputType: 'PayRecordInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 年度',
  keyColumn: 'year',
  columns: [
    ...teacherColumns(),
    { key: 'year', header: '年度', synonyms: ['工资年度', '统计年度', '所属年度'], type: year(), required: true, note: '已结束的年度（本年度的工资下一年填报）', example: 2024, inputFields: ['year'] },
    {
      key: 'annualIncome',
      header: '年工资收入(元)',
      synonyms: ['年工资收入', '年收入', '年工资总收入', '全年工资收入'],
      type: yuan(),
      required: true,
      note: '不少于以下各项月工资之和 × 12',
      example: 98000,
      inputFields: ['annualIncome'],
    },
    monthly('basicMonthly', '基本工资', ['月基本工资'], 3200),
    monthly('performanceMonthly', '绩效工资', ['月绩效工资'], 3500),
    monthly('ruralSubsidyMonthly', '乡村教师生活补助', ['乡村教师补助(元/月)', '乡村教师生活补贴(元/月)'], 0),
    monthly('otherAllowanceMonthly', '其他津贴补贴', ['津贴补贴(元/月)'], 600),
    monthly('otherMonthly', '其他', ['其他收入(元/月)'], 100),
  ],
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.year}`,
  toInput: (row, refs) =>
    defined({
      teacherId: refs.teacherId,
      year: row.year,
      annualIncome: row.annualIncome,
      basicMonthly: row.basicMonthly,
      performanceMonthly: row.performanceMonthly,
      ruralSubsidyMonthly: row.ruralSubsidyMonthly,
      otherAllowanceMonthly: row.otherAllowanceMonthly,
      otherMonthly: row.otherMonthly,
    }),
});
