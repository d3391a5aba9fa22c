import { LESSON_KIND } from '@tw/kernel';
import { coded, date, int, text } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';
import { defined, EXAMPLE_ID_NUMBER, roleTeacherColumns } from './common-columns';

const presenter = roleTeacherColumns({
  prefix: 'teacher',
  role: '授课教师',
  nameRequired: false,
  idField: 'teacherId',
  nameSynonyms: ['执教教师', '授课人', '执教人', '姓名', '教师姓名'],
  idSynonyms: ['身份证件号', '身份证号', '身份证号码', '证件号码'],
  exampleName: '张丽（示例）',
  exampleId: EXAMPLE_ID_NUMBER,
});

/** 示范课 / 观摩课 / 公开课 given (upsertLessons). */
export const lessonsKind = defineKind({
  kind: 'lessons',
  title: '示范课与公开课',
  service: 'professional-development',
  mutation: 'upsertLessons',
  inputType: 'LessonInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '授课教师 + 日期 + 课题',
  keyColumn: 'title',
  columns: [
    { key: 'date', header: '日期', synonyms: ['授课日期', '上课日期', '开课日期', '授课时间'], type: date(), required: true, note: '不晚于今天', example: '2024-10-16', inputFields: ['date'] },
    ...presenter.columns,
    { key: 'title', header: '课题', synonyms: ['课题名称', '授课课题', '授课内容', '课名'], type: text(200), required: true, example: '圆的面积（示例）', inputFields: ['title'] },
    { key: 'subject', header: '学科', synonyms: ['授课学科', '任教学科'], type: text(30), example: '数学', inputFields: ['subject'] },
    { key: 'kind', header: '类型', synonyms: ['课型', '课例类型', '课的类型'], type: coded(LESSON_KIND), required: true, example: '示范课', inputFields: ['kind'] },
    { key: 'studioName', header: '工作室名称', synonyms: ['所属工作室', '工作室'], type: text(100), note: '须是已登记的工作室', example: null, inputFields: ['studioName'] },
    { key: 'observers', header: '观摩人数', synonyms: ['听课人数', '观摩人次', '参与人数'], type: int(0, 100_000), example: 45, inputFields: ['observers'] },
  ],
  teachers: [presenter.reference],
  key: (row, refs) => `${refs.teacherId}:${row.date}:${row.title}`,
  toInput: (row, refs) =>
    defined({ date: row.date, teacherId: refs.teacherId, title: row.title, subject: row.subject, kind: row.kind, studioName: row.studioName, observers: row.observers }),
});
