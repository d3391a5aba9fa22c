import { PRINCIPAL_RANK } from '@tw/kernel';
import { coded, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, schoolColumns, teacherColumns } from './common-columns';

/** 校长职级 certifications (upsertPrincipalRanks; DISTRICT_ADMIN). */
export const principalRanksKind = defineKind({
  kind: 'principal-ranks',
  title: '校长职级',
  service: 'governance',
  mutation: 'upsertPrincipalRanks',
  inputType: 'PrincipalRankInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '校长（身份证件类型 + 身份证件号）+ 认定年度',
  keyColumn: 'year',
  columns: [
    ...teacherColumns(),
    ...schoolColumns(),
    { key: 'rank', header: '职级', synonyms: ['校长职级', '认定职级'], type: coded(PRINCIPAL_RANK), required: true, note: '写作“高级校长”或“高级”均可', example: '中级校长', inputFields: ['rank'] },
    { key: 'year', header: '认定年度', synonyms: ['年度', '认定年份', '认定时间'], type: year({ ofDate: true }), required: true, example: 2024, inputFields: ['year'] },
  ],
  school: { codeKey: 'schoolCode', nameKey: 'schoolName', idField: 'schoolId' },
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.year}`,
  toInput: (row, refs) => defined({ teacherId: refs.teacherId, schoolId: refs.schoolId, rank: row.rank, year: row.year }),
});
