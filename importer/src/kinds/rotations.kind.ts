import { bool, month, text } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, teacherColumns } from './common-columns';

/** 交流轮岗 of teachers already in the roster (upsertRotations). */
export const rotationsKind = defineKind({
  kind: 'rotations',
  title: '交流轮岗',
  nationalSubset: '交流轮岗',
  service: 'personnel',
  mutation: 'upsertRotations',
  inputType: 'RotationInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 开始年月',
  keyColumn: 'startMonth',
  columns: [
    ...teacherColumns(),
    { key: 'type', header: '交流轮岗类型', synonyms: ['交流类型', '轮岗类型', '交流方式'], type: text(50), required: true, example: '县管校聘交流', inputFields: ['type'] },
    { key: 'personnelRelationMoved', header: '是否调动人事关系', synonyms: ['是否转移人事关系', '人事关系是否调动'], type: bool({ yes: ['调动', '转移', '已调'], no: ['不调动', '未调动', '不转移', '未转移', '保留'] }), required: true, example: '否', inputFields: ['personnelRelationMoved'] },
    { key: 'startMonth', header: '开始年月', synonyms: ['交流轮岗开始年月', '开始时间', '交流开始年月'], type: month(), required: true, example: '2024-09', inputFields: ['startMonth'] },
    { key: 'endMonth', header: '结束年月', synonyms: ['交流轮岗结束年月', '结束时间', '交流结束年月'], type: month(), note: '不早于开始年月', example: '2026-07', inputFields: ['endMonth'] },
    { key: 'fromSchoolName', header: '原单位名称', synonyms: ['原单位', '原学校', '派出单位', '原工作单位'], type: text(100), required: true, example: '示例学校', inputFields: ['fromSchoolName'] },
    {
      key: 'toSchoolName',
      header: '交流轮岗单位名称',
      synonyms: ['交流单位', '轮岗单位', '交流轮岗单位', '交流学校', '接收单位'],
      type: text(100),
      required: true,
      note: '不能与原单位相同',
      example: '示例交流学校',
      inputFields: ['toSchoolName'],
    },
  ],
  teachers: [{ idTypeKey: 'idType', idNumberKey: 'idNumber', nameKey: 'name', idField: 'teacherId' }],
  rowChecks: [
    (row) =>
      typeof row.endMonth === 'string' && typeof row.startMonth === 'string' && row.endMonth < row.startMonth
        ? { key: 'endMonth', code: 'END_BEFORE_START', reason: `结束年月 ${row.endMonth} 早于开始年月 ${row.startMonth}` }
        : undefined,
    (row) =>
      row.toSchoolName !== undefined && row.toSchoolName === row.fromSchoolName
        ? { key: 'toSchoolName', code: 'SAME_SCHOOL', reason: '交流轮岗单位不能与原单位相同' }
        : undefined,
  ],
  key: (row, refs) => `${refs.teacherId}:${row.startMonth}`,
  toInput: (row, refs) =>
    defined({
      teacherId: refs.teacherId,
      type: row.type,
      personnelRelationMoved: row.personnelRelationMoved,
      startMonth: row.startMonth,
      endMonth: row.endMonth,
      fromSchoolName: row.fromSchoolName,
      toSchoolName: row.toSchoolName,
    }),
});
