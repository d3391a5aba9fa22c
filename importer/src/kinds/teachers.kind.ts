import {
  checkIdNumber,
  EDUCATION,
  EMPLOYMENT_FORM,
  ETHNICITY,
  GENDER,
  ID_TYPE,
  ParsedStaffStatus,
  POLITICAL_STATUS,
  POST_CATEGORY,
  PROFESSIONAL_TITLE,
} from '@tw/kernel';
import { bool, coded, date, month, staffStatus, text } from '../spec/column-types';
import { defineKind, RowValues } from '../spec/kind-spec';
import { defined, idNumberColumn, schoolColumns } from './common-columns';

/** 出生日期 and 性别 must agree with a 居民身份证 number; the mismatch is shown on their column. */
function agreesWithIdNumber(row: RowValues) {
  if ((row.idType ?? 'RESIDENT_ID') !== 'RESIDENT_ID' || typeof row.idNumber !== 'string') return undefined;
  const birthDate = typeof row.birthDate === 'string' ? row.birthDate : undefined;
  const gender = row.gender === 'MALE' || row.gender === 'FEMALE' ? row.gender : undefined;
  const checked = checkIdNumber(row.idNumber, { birthDate, gender });
  if (checked.ok) return undefined;
  const key = checked.code === 'ID_NUMBER_BIRTH_DATE_MISMATCH' ? 'birthDate' : checked.code === 'ID_NUMBER_GENDER_MISMATCH' ? 'gender' : 'idNumber';
  return { key, code: checked.code, reason: checked.message };
}

/** 教职工基本信息: the roster (upsertTeachers). */
export const teachersKind = defineKind({
  kind: 'teachers',
  title: '教职工基本信息',
  nationalSubset: '基本信息',
  service: 'personnel',
  mutation: 'upsertTeachers',
  inputType: 'TeacherInput',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '身份证件类型 + 身份证件号',
  keyColumn: 'idNumber',
  columns: [
    ...schoolColumns(),
    { key: 'staffNo', header: '教职工号', synonyms: ['工号', '教工号', '职工号', '教职工编号'], type: text(30), example: 'T0001', inputFields: ['staffNo'] },
    { key: 'name', header: '姓名', synonyms: ['教师姓名', '教职工姓名', '人员姓名'], type: text(50), required: true, example: '张丽（示例）', inputFields: ['name'] },
    { key: 'gender', header: '性别', type: coded(GENDER), required: true, note: '须与身份证件号第 17 位一致', example: '女', inputFields: ['gender'] },
    { key: 'idType', header: '身份证件类型', synonyms: ['证件类型'], type: coded(ID_TYPE), note: '不填时为居民身份证', example: '居民身份证', inputFields: ['idType'] },
    idNumberColumn(),
    { key: 'birthDate', header: '出生日期', type: date(), required: true, note: '须与身份证件号第 7–14 位一致', example: '1990-03-15', inputFields: ['birthDate'] },
    { key: 'ethnicity', header: '民族', type: coded(ETHNICITY), required: true, example: '汉族', inputFields: ['ethnicity'] },
    { key: 'politicalStatus', header: '政治面貌', type: coded(POLITICAL_STATUS), required: true, example: '中国共产党党员', inputFields: ['politicalStatus'] },
    { key: 'workStartMonth', header: '参加工作年月', synonyms: ['参加工作时间', '参加工作日期'], type: month(), required: true, example: '2012-09', inputFields: ['workStartMonth'] },
    {
      key: 'schoolStartMonth',
      header: '进本校年月',
      synonyms: ['进本校时间', '进入本校年月', '来校年月', '进本单位年月', '进本校日期'],
      type: month(),
      required: true,
      note: '不早于参加工作年月',
      example: '2015-09',
      inputFields: ['schoolStartMonth'],
    },
    { key: 'inQuota', header: '是否在编', synonyms: ['是否在编人员', '在编', '编制情况', '编制类型', '是否编内'], type: bool({ yes: ['在编', '编内'], no: ['不在编', '非在编', '未在编', '编外', '无编制', '临聘', '代课'] }), required: true, example: '是', inputFields: ['inQuota'] },
    {
      key: 'employmentForm',
      header: '用人形式',
      synonyms: ['用工形式', '非在编用人形式'],
      type: coded(EMPLOYMENT_FORM),
      required: { when: (row) => row.inQuota === false, describe: '是否在编为“否”时必填' },
      example: null,
      inputFields: ['employmentForm'],
    },
    { key: 'postCategory', header: '岗位类别', synonyms: ['岗位类型'], type: coded(POST_CATEGORY), example: '教师岗位', inputFields: ['postCategory'] },
    {
      key: 'professionalTitle',
      header: '专业技术职务',
      synonyms: ['职称', '专业技术职称', '现聘专业技术职务'],
      type: coded(PROFESSIONAL_TITLE),
      note: '2015 年改革前的职称（中学高级教师、小学高级教师…）对应到新职称',
      example: '一级教师',
      inputFields: ['professionalTitle'],
    },
    { key: 'education', header: '最高学历', synonyms: ['学历'], type: coded(EDUCATION), example: '大学本科', inputFields: ['education'] },
    { key: 'teachingStage', header: '任教学段', synonyms: ['学段'], type: text(30), example: '小学', inputFields: ['teachingStage'] },
    { key: 'teachingSubject', header: '任教学科', synonyms: ['学科', '任教科目'], type: text(30), example: '语文', inputFields: ['teachingSubject'] },
    {
      key: 'status',
      header: '人员状态',
      synonyms: ['人员状态代码', '在职状态'],
      type: staffStatus(),
      required: true,
      note: '调出、退休、离职、死亡的教师不计入在岗教师',
      example: '100-在本单位任职',
      assign: (row, v) => {
        const s = v as ParsedStaffStatus;
        row.status = s.status;
        row.statusCode = s.code;
        row.statusDetail = s.detail;
      },
      pick: (input) => ({ status: input.status, statusCode: input.statusCode, statusDetail: input.statusDetail }),
      inputFields: ['status', 'statusCode', 'statusDetail'],
    },
  ],
  school: { codeKey: 'schoolCode', nameKey: 'schoolName', idField: 'schoolId' },
  extraColumns: { field: 'extra', ignore: ['序号', '行号'] },
  rowChecks: [agreesWithIdNumber],
  key: (row) => `${row.idType ?? 'RESIDENT_ID'}:${row.idNumber}`,
  toInput: (row, refs) =>
    defined({
      schoolId: refs.schoolId,
      staffNo: row.staffNo,
      name: row.name,
      gender: row.gender,
      idType: row.idType,
      idNumber: row.idNumber,
      birthDate: row.birthDate,
      ethnicity: row.ethnicity,
      politicalStatus: row.politicalStatus,
      workStartMonth: row.workStartMonth,
      schoolStartMonth: row.schoolStartMonth,
      inQuota: row.inQuota,
      employmentForm: row.inQuota === false ? row.employmentForm : undefined,
      postCategory: row.postCategory,
      professionalTitle: row.professionalTitle,
      education: row.education,
      teachingStage: row.teachingStage,
      teachingSubject: row.teachingSubject,
      status: row.status,
      statusCode: row.statusCode,
      statusDetail: row.statusDetail,
      extra: row.extra,
    }),
});

