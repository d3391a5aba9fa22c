import { REFORM_STATUS } from '@tw/kernel';
import { coded, date, text } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, schoolColumns } from './common-columns';

/** 党组织领导的校长负责制: each school's rollout state (upsertSchoolReforms; DISTRICT_ADMIN). */
export const reformsKind = defineKind({
  kind: 'reforms',
  title: '党组织领导的校长负责制',
  service: 'governance',
  mutation: 'upsertSchoolReforms',
  inputType: 'SchoolReformInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '学校',
  keyColumn: 'status',
  columns: [
    ...schoolColumns(),
    { key: 'status', header: '推进状态', synonyms: ['改革状态', '实施状态', '状态'], type: coded(REFORM_STATUS), required: true, example: '试点', inputFields: ['status'] },
    { key: 'pilotStartedOn', header: '试点开始日期', synonyms: ['试点日期', '开始试点日期'], type: date(), required: { when: (row) => row.status === 'PILOT', describe: '推进状态为“试点”时必填' }, example: '2024-03-01', inputFields: ['pilotStartedOn'] },
    { key: 'completedOn', header: '完成日期', synonyms: ['全面实施日期', '完成时间'], type: date(), required: { when: (row) => row.status === 'COMPLETED', describe: '推进状态为“已完成”时必填' }, example: null, inputFields: ['completedOn'] },
    { key: 'note', header: '备注', synonyms: [], type: text(200, undefined, { truncate: true }), example: null, inputFields: ['note'] },
  ],
  school: { codeKey: 'schoolCode', nameKey: 'schoolName', idField: 'schoolId' },
  key: (_row, refs) => String(refs.schoolId),
  toInput: (row, refs) => defined({ schoolId: refs.schoolId, status: row.status, pilotStartedOn: row.pilotStartedOn, completedOn: row.completedOn, note: row.note }),
});
