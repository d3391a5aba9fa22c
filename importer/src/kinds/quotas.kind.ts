import { int, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { schoolColumns } from './common-columns';

/** Approved staffing quotas per school and year (upsertQuotas; DISTRICT_ADMIN). */
export const quotasKind = defineKind({
  kind: 'quotas',
  title: '核定编制',
  service: 'personnel',
  mutation: 'upsertQuotas',
  inputType: 'QuotaInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '学校 + 年度',
  keyColumn: 'year',
  columns: [
    ...schoolColumns(),
    { key: 'year', header: '年度', synonyms: ['编制年度', '核定年度'], type: year(), required: true, example: 2025, inputFields: ['year'] },
    { key: 'approved', header: '核定编制数', synonyms: ['编制数', '核定编制', '核定编制（人）', '编制总数'], type: int(0, 100_000), required: true, example: 86, inputFields: ['approved'] },
  ],
  school: { codeKey: 'schoolCode', nameKey: 'schoolName', idField: 'schoolId' },
  key: (row, refs) => `${refs.schoolId}:${row.year}`,
  toInput: (row, refs) => ({ schoolId: refs.schoolId, year: row.year, approved: row.approved }),
});
