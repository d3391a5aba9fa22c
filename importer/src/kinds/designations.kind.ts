import { DESIGNATION_KIND, DESIGNATION_LEVEL } from '@tw/kernel';
import { coded, endDate, text, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

/** 入选人才项目: designations of excellence (upsertDesignations; governance's veto is checked). */
export const designationsKind = defineKind({
  kind: 'designations',
  title: '入选人才项目',
  nationalSubset: '入选人才项目',
  service: 'professional-development',
  mutation: 'upsertDesignations',
  inputType: 'DesignationInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 称号 + 级别 + 认定年度',
  keyColumn: 'kind',
  columns: [
    ...teacherColumns(),
    { key: 'kind', header: '称号', synonyms: ['人才项目', '人才项目名称', '入选人才项目'], type: coded(DESIGNATION_KIND), required: true, example: '骨干教师', inputFields: ['kind'] },
    { key: 'level', header: '级别', synonyms: ['称号级别', '认定级别', '项目级别'], type: coded(DESIGNATION_LEVEL), required: true, example: '区级', inputFields: ['level'] },
    {
      key: 'year',
      header: '认定年度',
      synonyms: ['入选年度', '认定年份', '入选年份', '认定时间'],
      type: year({ ofDate: true }),
      required: true,
      note: '该年度受师德一票否决的教师不能新认定',
      example: 2024,
      inputFields: ['year'],
    },
    { key: 'validUntil', header: '有效期至', synonyms: ['有效期', '有效截止日期', '截止日期'], type: endDate(), note: '不早于认定年度；不填为长期有效', example: '2027-08-31', inputFields: ['validUntil'] },
    { key: 'issuer', header: '认定单位', synonyms: ['认定部门', '授予单位', '发文单位'], type: text(100), example: '郑州市中原区教育局', inputFields: ['issuer'] },
  ],
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.kind}:${row.level}:${row.year}`,
  toInput: (row, refs) => defined({ teacherId: refs.teacherId, kind: row.kind, level: row.level, year: row.year, validUntil: row.validUntil, issuer: row.issuer }),
});
