import { TALENT_CATEGORY, TALENT_RESULT } from '@tw/kernel';
import { coded, year, yuan } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

/** 优秀教育人才 A/B/C: the yearly assessment and its subsidy (upsertTalentRecords; DISTRICT_ADMIN). */
export const talentKind = defineKind({
  kind: 'talent',
  title: '优秀教育人才',
  service: 'compensation',
  mutation: 'upsertTalentRecords',
  inputType: 'TalentRecordInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 年度',
  keyColumn: 'year',
  columns: [
    ...teacherColumns(),
    { key: 'year', header: '年度', synonyms: ['考核年度'], type: year(), required: true, example: 2024, inputFields: ['year'] },
    { key: 'category', header: '人才类别', synonyms: ['类别', '人才层次'], type: coded(TALENT_CATEGORY), required: true, example: 'B类', inputFields: ['category'] },
    { key: 'result', header: '考核结果', synonyms: ['年度考核结果', '考核情况'], type: coded(TALENT_RESULT), required: true, example: '合格', inputFields: ['result'] },
    { key: 'subsidy', header: '补贴金额(元)', synonyms: ['补贴金额', '补贴', '人才补贴(元)'], type: yuan(), note: '只发给考核合格的人才：考核不合格时不填', example: 15000, inputFields: ['subsidy'] },
  ],
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.year}`,
  toInput: (row, refs) => defined({ teacherId: refs.teacherId, year: row.year, category: row.category, result: row.result, subsidy: row.subsidy }),
});
