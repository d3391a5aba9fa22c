import { HONOR_LEVEL } from '@tw/kernel';
import { coded, date, text } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

/** 荣誉 (upsertAwards): governance refuses an award for a teacher vetoed in its year. */
export const awardsKind = defineKind({
  kind: 'awards',
  title: '荣誉信息',
  nationalSubset: '师德信息（荣誉）',
  service: 'governance',
  mutation: 'upsertAwards',
  inputType: 'AwardInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 荣誉称号 + 荣誉发生日期',
  keyColumn: 'title',
  columns: [
    ...teacherColumns(),
    { key: 'title', header: '荣誉称号', synonyms: ['荣誉名称', '获奖名称', '奖励名称', '表彰名称'], type: text(100), required: true, example: '中原区优秀教师（示例）', inputFields: ['title'] },
    { key: 'level', header: '荣誉级别', synonyms: ['获奖级别', '荣誉等级', '表彰级别'], type: coded(HONOR_LEVEL), required: true, example: '4-县级', inputFields: ['level'] },
    {
      key: 'awardedOn',
      header: '荣誉发生日期',
      synonyms: ['获得荣誉日期', '获奖日期', '授予日期', '表彰日期', '荣誉获得日期'],
      type: date(),
      required: true,
      note: '该年度受师德一票否决的教师不能授予荣誉',
      example: '2024-09-10',
      inputFields: ['awardedOn'],
    },
    { key: 'issuer', header: '荣誉授予单位名称', synonyms: ['授予单位', '荣誉授予单位', '颁发单位', '表彰单位'], type: text(100), example: '中原区教育局', inputFields: ['issuer'] },
  ],
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.title}:${row.awardedOn}`,
  toInput: (row, refs) => defined({ teacherId: refs.teacherId, title: row.title, level: row.level, awardedOn: row.awardedOn, issuer: row.issuer }),
});
