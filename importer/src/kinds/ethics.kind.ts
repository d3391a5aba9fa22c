import { ETHICS_RESULT, SANCTION } from '@tw/kernel';
import { coded, date, text, year } from '../spec/column-types';
import { defineKind, RowValues } from '../spec/kind-spec';
import { defined, ROSTER_TEACHER, teacherColumns } from './common-columns';

const hasAssessment = (row: RowValues) => row.assessmentYear !== undefined || row.assessmentResult !== undefined;
const hasViolation = (row: RowValues) => [row.occurredOn, row.negativeListItem, row.sanction, row.revokedOn, row.description].some((v) => v !== undefined);

/**
 * 师德信息: a row carries a yearly 师德考核 (时间 + 结论), a violation (处分发生日期 + 处分原因, with
 * 处分类别 and 处分撤销日期), or both. The assessment goes to upsertEthicsAssessments, the violation
 * to upsertViolations; an assessment repeated on several violation rows of a year is written once.
 */
export const ethicsKind = defineKind({
  kind: 'ethics',
  title: '师德信息',
  nationalSubset: '师德信息',
  service: 'governance',
  roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'],
  keyDescription: '教师 + 师德考核时间（考核）；教师 + 处分发生日期（处分）',
  writeNote:
    'a row with 师德考核时间 + 师德考核结论 writes that year’s assessment (`upsertEthicsAssessments`); a row with 处分发生日期 + 处分原因 (and 处分类别, 处分撤销日期, 情况说明) writes a violation (`upsertViolations`); a row may carry both. The same year’s assessment repeated on several rows (one per violation) is written once; a different 结论 for the same year is a duplicate. A row counts as created when either record is new.',
  columns: [
    ...teacherColumns(),
    {
      key: 'assessmentYear',
      header: '师德考核时间',
      synonyms: ['师德考核年度', '考核年度', '考核时间'],
      type: year({ ofDate: true }),
      required: { when: (row) => row.assessmentResult !== undefined, describe: '填写了师德考核结论时必填' },
      example: 2024,
      inputFields: ['year'],
    },
    {
      key: 'assessmentResult',
      header: '师德考核结论',
      synonyms: ['师德考核结果', '考核结论', '师德考核等次'],
      type: coded(ETHICS_RESULT),
      required: { when: (row) => row.assessmentYear !== undefined, describe: '填写了师德考核时间时必填' },
      note: '不合格的，当年年度考核记为不合格，并受一票否决',
      example: '合格',
      inputFields: ['result'],
    },
    { key: 'sanction', header: '处分类别', synonyms: ['处分种类'], type: coded(SANCTION), note: '有处分时填写；警告 6 个月、记过 12 个月、降低岗位等级或撤职 24 个月、开除', example: null, inputFields: ['sanction'] },
    {
      key: 'negativeListItem',
      header: '处分原因',
      synonyms: ['违规事项', '负面清单事项', '违反准则条目'],
      type: text(100),
      required: { when: (row) => row.occurredOn !== undefined || row.sanction !== undefined || row.revokedOn !== undefined, describe: '填写了处分发生日期、处分类别或处分撤销日期时必填' },
      note: '负面清单（新时代中小学教师职业行为十项准则）事项：序号、名称或“序号-名称”，如 5-关心爱护学生',
      example: null,
      inputFields: ['negativeListItem'],
    },
    {
      key: 'occurredOn',
      header: '处分发生日期',
      synonyms: ['违规发生日期', '处分日期', '处分时间'],
      type: date(),
      required: { when: (row) => row.negativeListItem !== undefined || row.sanction !== undefined || row.revokedOn !== undefined, describe: '填写了处分原因、处分类别或处分撤销日期时必填' },
      example: null,
      inputFields: ['occurredOn'],
    },
    { key: 'revokedOn', header: '处分撤销日期', synonyms: ['撤销日期', '处分解除日期'], type: date(), note: '不早于处分发生日期', example: null, inputFields: ['revokedOn'] },
    { key: 'description', header: '情况说明', synonyms: ['违规情况', '违规事实', '处分说明'], type: text(500, undefined, { truncate: true }), example: null, inputFields: ['description'] },
  ],
  teachers: [ROSTER_TEACHER],
  rowChecks: [
    (row) =>
      !hasAssessment(row) && !hasViolation(row)
        ? { key: 'assessmentResult', code: 'NOTHING_TO_IMPORT', reason: '该行既没有师德考核（时间和结论），也没有处分（发生日期和原因）' }
        : undefined,
  ],
  targets: [
    {
      mutation: 'upsertEthicsAssessments',
      inputType: 'EthicsAssessmentInput',
      keyColumn: 'assessmentYear',
      repeats: true,
      key: (row, refs) => `${refs.teacherId}:${row.assessmentYear}`,
      toInput: (row, refs) => (row.assessmentYear !== undefined ? { teacherId: refs.teacherId, year: row.assessmentYear, result: row.assessmentResult } : undefined),
    },
    {
      mutation: 'upsertViolations',
      inputType: 'ViolationInput',
      keyColumn: 'occurredOn',
      key: (row, refs) => `${refs.teacherId}:${row.occurredOn}`,
      toInput: (row, refs) =>
        row.occurredOn !== undefined
          ? defined({ teacherId: refs.teacherId, occurredOn: row.occurredOn, negativeListItem: row.negativeListItem, sanction: row.sanction, revokedOn: row.revokedOn, description: row.description })
          : undefined,
    },
  ],
});
