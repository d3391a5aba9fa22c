import { date } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, EXAMPLE_ID_NUMBER, EXAMPLE_ID_NUMBER_2, roleTeacherColumns } from './common-columns';

const mentor = roleTeacherColumns({ prefix: 'mentor', role: '师傅', nameRequired: true, idField: 'mentorId', nameSynonyms: ['指导教师', '指导教师姓名'], exampleName: '张丽（示例）', exampleId: EXAMPLE_ID_NUMBER });
const mentee = roleTeacherColumns({ prefix: 'mentee', role: '徒弟', nameRequired: true, idField: 'menteeId', nameSynonyms: ['青年教师', '青年教师姓名'], exampleName: '王强（示例）', exampleId: EXAMPLE_ID_NUMBER_2 });

/** 师徒结对 (upsertMentoringPairs). */
export const mentoringKind = defineKind({
  kind: 'mentoring',
  title: '师徒结对',
  service: 'professional-development',
  mutation: 'upsertMentoringPairs',
  inputType: 'MentoringPairInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '师傅 + 徒弟',
  keyColumn: 'menteeIdNumber',
  columns: [
    ...mentor.columns,
    ...mentee.columns.map((c) => (c.key === 'menteeIdNumber' ? { ...c, note: '不能与师傅是同一人' } : c)),
    { key: 'startDate', header: '结对开始日期', synonyms: ['开始日期', '结对日期', '结对时间'], type: date(), required: true, example: '2024-09-01', inputFields: ['startDate'] },
    { key: 'endDate', header: '结对结束日期', synonyms: ['结束日期'], type: date(), note: '不早于开始日期', example: '2025-07-15', inputFields: ['endDate'] },
  ],
  teachers: [mentor.reference, mentee.reference],
  rowChecks: [
    (row) =>
      typeof row.mentorIdNumber === 'string' && row.mentorIdNumber === row.menteeIdNumber
        ? { key: 'menteeIdNumber', code: 'SAME_TEACHER', reason: '师傅与徒弟不能是同一名教师' }
        : undefined,
  ],
  key: (_row, refs) => `${refs.teachers?.mentorId}:${refs.teachers?.menteeId}`,
  toInput: (row, refs) => defined({ mentorId: refs.teachers?.mentorId, menteeId: refs.teachers?.menteeId, startDate: row.startDate, endDate: row.endDate }),
});
