import { APPRAISAL_RESULT } from '@tw/kernel';
import { coded, text, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

/** 年度考核 (upsertAppraisals): governance refuses 优秀 for a vetoed teacher. */
export const appraisalsKind = defineKind({
  kind: 'appraisals',
  title: '年度考核',
  nationalSubset: '年度考核',
  service: 'governance',
  mutation: 'upsertAppraisals',
  inputType: 'AppraisalInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 考核年度',
  keyColumn: 'year',
  columns: [
    ...teacherColumns(),
    { key: 'year', header: '考核年度', synonyms: ['年度', '考核年份'], type: year(), required: true, example: 2024, inputFields: ['year'] },
    {
      key: 'result',
      header: '考核结果',
      synonyms: ['年度考核结果', '考核等次', '考核结论'],
      type: coded(APPRAISAL_RESULT),
      required: true,
      note: '该年度受师德一票否决的教师不能评为优秀；师德考核不合格的，年度考核记为不合格',
      example: '合格',
      inputFields: ['result'],
    },
    { key: 'appraiser', header: '考核单位名称', synonyms: ['考核单位', '考核部门'], type: text(100), example: '示例学校', inputFields: ['appraiser'] },
  ],
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.year}`,
  toInput: (row, refs) => defined({ teacherId: refs.teacherId, year: row.year, result: row.result, appraiser: row.appraiser }),
});
