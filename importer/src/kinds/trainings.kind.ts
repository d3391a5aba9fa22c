import { TRAINING_LEVEL, TRAINING_MODE, TRAINING_TOPIC } from '@tw/kernel';
import { coded, int, text, year } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

/** 国内培训: one training participation a row (upsertTrainings; the programme is made from the rows). */
export const trainingsKind = defineKind({
  kind: 'trainings',
  title: '国内培训',
  nationalSubset: '国内培训',
  service: 'professional-development',
  mutation: 'upsertTrainings',
  inputType: 'TrainingInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师（身份证件类型 + 身份证件号）+ 培训年度 + 培训项目名称',
  keyColumn: 'projectName',
  columns: [
    ...teacherColumns(),
    { key: 'year', header: '培训年度', synonyms: ['年度', '培训年份'], type: year(), required: true, example: 2024, inputFields: ['year'] },
    { key: 'level', header: '培训类别', synonyms: ['培训级别', '培训层级', '培训层次'], type: coded(TRAINING_LEVEL), required: true, example: '40-县级', inputFields: ['level'] },
    {
      key: 'projectName',
      header: '培训项目名称',
      synonyms: ['培训项目', '项目名称', '培训名称'],
      type: text(200),
      required: true,
      note: '同一年度、同一名称、同一类别的行是同一个培训项目，其培训机构、培训方式和培训主题须一致',
      example: '2024年中原区中小学教师暑期全员培训（示例）',
      inputFields: ['projectName'],
    },
    { key: 'provider', header: '培训机构名称', synonyms: ['培训机构', '承训机构', '承办机构'], type: text(100), note: '不填时保留已有的', example: '中原区教师发展中心', inputFields: ['provider'] },
    { key: 'mode', header: '培训方式', synonyms: ['培训形式'], type: coded(TRAINING_MODE), required: true, example: '4-面授+网络', inputFields: ['mode'] },
    { key: 'hours', header: '培训获得学时', synonyms: ['获得学时', '培训学时', '学时'], type: int(0, 100_000), required: true, example: 24, inputFields: ['hours'] },
    { key: 'credits', header: '培训获得学分', synonyms: ['获得学分', '培训学分', '学分'], type: int(0, 100_000), example: 2, inputFields: ['credits'] },
    { key: 'topic', header: '培训主题', synonyms: ['培训内容类别'], type: coded(TRAINING_TOPIC), note: '不填时按培训项目名称推断（如含“师德”为师德）', example: '学科教学', inputFields: ['topic'] },
  ],
  teachers: [ROSTER_TEACHER],
  key: (row, refs) => `${refs.teacherId}:${row.year}:${row.projectName}`,
  toInput: (row, refs) =>
    defined({
      teacherId: refs.teacherId,
      year: row.year,
      level: row.level,
      projectName: row.projectName,
      provider: row.provider,
      mode: row.mode,
      hours: row.hours,
      credits: row.credits,
      topic: row.topic,
    }),
});
