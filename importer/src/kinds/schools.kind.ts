import { SCHOOL_TYPE, SPONSOR } from '@tw/kernel';
import { coded, schoolCode, text } from '../spec/column-types';
import { defineKind } from '../spec/kind-spec';

/** The district's schools (upsertSchools; DISTRICT_ADMIN). */
export const schoolsKind = defineKind({
  kind: 'schools',
  title: '学校',
  service: 'personnel',
  mutation: 'upsertSchools',
  inputType: 'SchoolInput',
  roles: ['DISTRICT_ADMIN'],
  keyDescription: '学校标识码',
  keyColumn: 'code',
  columns: [
    { key: 'code', header: '学校标识码', synonyms: ['学校代码', '学校识别码', '标识码'], type: schoolCode(), required: true, example: '4100000000', inputFields: ['code'] },
    { key: 'name', header: '学校名称', synonyms: ['学校', '学校全称', '单位名称'], type: text(100), required: true, note: '在全区唯一', example: '示例学校', inputFields: ['name'] },
    { key: 'type', header: '办学类型', synonyms: ['学校类型', '学校类别', '办学类别'], type: coded(SCHOOL_TYPE), required: true, example: '小学', inputFields: ['type'] },
    { key: 'sponsor', header: '举办者', synonyms: ['办学性质', '举办者类型', '公办民办'], type: coded(SPONSOR), required: true, example: '公办', inputFields: ['sponsor'] },
  ],
  key: (row) => String(row.code),
  toInput: (row) => ({ code: row.code, name: row.name, type: row.type, sponsor: row.sponsor }),
});
