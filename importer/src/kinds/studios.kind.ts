import { DESIGNATION_LEVEL, STUDIO_KIND } from '@tw/kernel';
import { coded, text, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, EXAMPLE_ID_NUMBER, EXAMPLE_ID_NUMBER_2, roleTeacherColumns } from './common-columns';

const host = roleTeacherColumns({ prefix: 'host', role: '主持人', nameRequired: false, idField: 'hostTeacherId', nameSynonyms: ['工作室主持人'], exampleName: '张丽（示例）', exampleId: EXAMPLE_ID_NUMBER });
const member = roleTeacherColumns({ prefix: 'member', role: '成员', nameRequired: false, optional: true, idField: 'memberTeacherId', nameSynonyms: ['工作室成员'], exampleName: '王强（示例）', exampleId: EXAMPLE_ID_NUMBER_2 });

/**
 * 名师工作室 / 名班主任工作室 with their members, one row per member and the studio columns repeated
 * (upsertStudios): the host must hold a qualifying designation valid in the founding year.
 */
export const studiosKind = defineKind({
  kind: 'studios',
  title: '工作室',
  service: 'professional-development',
  mutation: 'upsertStudios',
  inputType: 'StudioInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '工作室名称 + 成员',
  keyColumn: 'memberIdNumber',
  columns: [
    { key: 'name', header: '工作室名称', synonyms: ['工作室', '名称'], type: text(100), required: true, note: '每个成员一行，工作室的各列在每行重复填写', example: '张丽语文名师工作室（示例）', inputFields: ['name'] },
    { key: 'kind', header: '类型', synonyms: ['工作室类型', '工作室类别'], type: coded(STUDIO_KIND), required: true, example: '名师工作室', inputFields: ['kind'] },
    { key: 'level', header: '级别', synonyms: ['工作室级别'], type: coded(DESIGNATION_LEVEL), required: true, example: '区级', inputFields: ['level'] },
    ...host.columns.map((c) =>
      c.key === 'hostIdNumber' ? { ...c, note: '主持人须在成立年度持有有效的相应称号（名师工作室：名师、特级教师、学科带头人、骨干教师、中原英才计划等；名班主任工作室：名班主任）' } : c,
    ),
    { key: 'foundedYear', header: '成立年度', synonyms: ['成立年份', '成立时间'], type: year({ ofDate: true }), required: true, example: 2024, inputFields: ['foundedYear'] },
    ...member.columns.map((c) => (c.key === 'memberIdNumber' ? { ...c, note: '不填时该行只登记工作室本身' } : c)),
  ],
  teachers: [host.reference, member.reference],
  groups: [{ key: (row) => row.name as string | undefined, what: '工作室', columns: ['kind', 'level', 'hostIdNumber', 'foundedYear'], code: 'STUDIO_CONFLICT' }],
  key: (row, refs) => `${row.name}:${refs.teachers?.memberTeacherId ?? ''}`,
  toInput: (row, refs) =>
    defined({
      name: row.name,
      kind: row.kind,
      level: row.level,
      hostTeacherId: refs.teachers?.hostTeacherId,
      foundedYear: row.foundedYear,
      memberTeacherId: refs.teachers?.memberTeacherId,
    }),
});
