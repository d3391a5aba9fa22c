import { HIRE_CHANNEL } from '@tw/kernel';
import { coded, date, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, teacherColumns } from './common-columns';

/** Recruitments of teachers already in the roster (upsertHires). */
export const hiresKind = defineKind({
  kind: 'hires',
  title: '教师招聘',
  service: 'personnel',
  mutation: 'upsertHires',
  inputType: 'HireInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 招聘年度',
  keyColumn: 'idNumber',
  columns: [
    ...teacherColumns(),
    { key: 'year', header: '招聘年度', synonyms: ['年度', '招聘年份'], type: year(), required: true, example: 2024, inputFields: ['year'] },
    { key: 'channel', header: '招聘方式', synonyms: ['招聘渠道', '招聘形式', '招聘类型'], type: coded(HIRE_CHANNEL), required: true, example: '校园招聘', inputFields: ['channel'] },
    { key: 'inQuotaDate', header: '入编日期', synonyms: ['入编时间'], type: date(), note: '不早于招聘年度', example: '2024-09-01', inputFields: ['inQuotaDate'] },
  ],
  teachers: [{ idTypeKey: 'idType', idNumberKey: 'idNumber', nameKey: 'name', idField: 'teacherId' }],
  key: (row, refs) => `${refs.teacherId}:${row.year}`,
  toInput: (row, refs) => defined({ teacherId: refs.teacherId, year: row.year, channel: row.channel, inQuotaDate: row.inQuotaDate }),
});
