import { CoverageSource, yearlyRecordSource, YearlyRecordSource } from '@tw/kernel';

/**
 * What governance counts per school and year for the data-quality view; a sanction whose reason
 * names no item of the negative list (未归类) is a problem for the bureau to settle.
 */
export const GOVERNANCE_COVERAGE: readonly CoverageSource[] = [
  { kind: 'ethics', table: 'ethics_assessment', year: { column: 'year', form: 'year' } },
  {
    kind: 'violations',
    table: 'violation',
    year: { column: 'occurred_on', form: 'date' },
    issues: [{ code: 'UNCLASSIFIED_SANCTIONS', description: '处分原因未归类到负面清单事项，待教育局确定（settleViolationItem）', when: "item_source = 'UNCLASSIFIED'" }],
  },
  { kind: 'appraisals', table: 'appraisal', year: { column: 'year', form: 'year' } },
  { kind: 'awards', table: 'award', year: { column: 'awarded_on', form: 'date' } },
  { kind: 'principal-ranks', table: 'principal_rank', year: { column: 'year', form: 'year' } },
];

/** 完整性检测 per year: the ethics assessment and the annual appraisal the bureau requires of every serving teacher each year. */
export const GOVERNANCE_YEARLY_RECORDS: readonly YearlyRecordSource[] = [
  yearlyRecordSource('ethics', 'ethics-assessments', 'ethics_assessment'),
  yearlyRecordSource('appraisals', 'appraisals', 'appraisal'),
];
