import { text, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined } from './common-columns';

/** 检查考核评比目录清单: the inspections approved for a year (upsertInspectionItems; DISTRICT_ADMIN). */
export const inspectionCatalogueKind = defineKind({
  kind: 'inspection-catalogue',
  title: '检查考核评比目录清单',
  service: 'governance',
  mutation: 'upsertInspectionItems',
  inputType: 'InspectionItemInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '年度 + 事项名称',
  keyColumn: 'name',
  columns: [
    { key: 'year', header: '年度', synonyms: ['目录年度'], type: year(), required: true, example: 2025, inputFields: ['year'] },
    { key: 'name', header: '事项名称', synonyms: ['检查事项', '检查考核事项', '检查考核评比事项', '事项'], type: text(100), required: true, example: '校园安全专项检查（示例）', inputFields: ['name'] },
    { key: 'department', header: '发起部门', synonyms: ['发起科室', '牵头部门', '主办部门'], type: text(50), required: true, example: '安全稳定科', inputFields: ['department'] },
    { key: 'approvalNo', header: '批准文号', synonyms: ['文号', '批准文件文号', '批准文件'], type: text(100), example: '中教〔2025〕3号', inputFields: ['approvalNo'] },
  ],
  key: (row) => `${row.year}:${row.name}`,
  toInput: (row) => defined({ year: row.year, name: row.name, department: row.department, approvalNo: row.approvalNo }),
});
