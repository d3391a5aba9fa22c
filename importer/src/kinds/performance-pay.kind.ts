import { year, yuan } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { schoolColumns } from './common-columns';

/** 核定绩效工资总量 per public school and year (upsertPerformancePayAllocations; DISTRICT_ADMIN). */
export const performancePayKind = defineKind({
  kind: 'performance-pay',
  title: '核定绩效工资总量',
  service: 'compensation',
  mutation: 'upsertPerformancePayAllocations',
  inputType: 'PerformancePayAllocationInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '学校 + 年度',
  keyColumn: 'year',
  columns: [
    ...schoolColumns(),
    { key: 'year', header: '年度', synonyms: ['核定年度'], type: year(), required: true, example: 2024, inputFields: ['year'] },
    {
      key: 'approvedTotal',
      header: '核定绩效工资总量(元)',
      synonyms: ['核定绩效工资总量', '绩效工资总量', '绩效工资总量(元)'],
      type: yuan(),
      required: true,
      note: '只适用于公办学校',
      example: 3600000,
      inputFields: ['approvedTotal'],
    },
  ],
  school: { codeKey: 'schoolCode', nameKey: 'schoolName', idField: 'schoolId' },
  key: (row, refs) => `${refs.schoolId}:${row.year}`,
  toInput: (row, refs) => ({ schoolId: refs.schoolId, year: row.year, approvedTotal: row.approvedTotal }),
});
