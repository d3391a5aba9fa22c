import { date, text, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, schoolColumns } from './common-columns';

/** Inspections of schools held (upsertInspectionEvents): each must be on that year's approved catalogue. */
export const inspectionsKind = defineKind({
  kind: 'inspections',
  title: '检查考核评比',
  service: 'governance',
  mutation: 'upsertInspectionEvents',
  inputType: 'InspectionEventInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '年度 + 事项名称 + 学校 + 日期',
  keyColumn: 'name',
  columns: [
    { key: 'year', header: '年度', synonyms: ['检查年度'], type: year(), required: true, example: 2025, inputFields: ['year'] },
    {
      key: 'name',
      header: '事项名称',
      synonyms: ['检查事项', '检查考核事项', '检查考核评比事项', '事项'],
      type: text(100),
      required: true,
      note: '须是该年度检查考核评比目录清单内的事项，名称与目录一致',
      example: '校园安全专项检查（示例）',
      inputFields: ['name'],
    },
    { key: 'department', header: '发起部门', synonyms: ['发起科室', '牵头部门', '主办部门'], type: text(50), required: true, note: '与目录中的发起部门一致', example: '安全稳定科', inputFields: ['department'] },
    ...schoolColumns({ optional: true }),
    { key: 'heldOn', header: '日期', synonyms: ['检查日期', '开展日期', '实施日期'], type: date(), note: '在年度之内', example: '2025-04-16', inputFields: ['heldOn'] },
  ],
  school: { codeKey: 'schoolCode', nameKey: 'schoolName', idField: 'schoolId', optional: true },
  key: (row, refs) => `${row.year}:${row.name}:${refs.schoolId ?? ''}:${row.heldOn ?? ''}`,
  toInput: (row, refs) => defined({ year: row.year, name: row.name, department: row.department, schoolId: refs.schoolId, heldOn: row.heldOn }),
});
