import { CoverageSource, yearlyRecordSource, YearlyRecordSource } from '@tw/kernel';

/** What compensation counts per school and year for the data-quality view. */
export const COMPENSATION_COVERAGE: readonly CoverageSource[] = [
  { kind: 'pay', table: 'pay_record', year: { column: 'year', form: 'year' } },
  { kind: 'talent', table: 'talent_record', year: { column: 'year', form: 'year' } },
];

/** 完整性检测 per year: the pay record the bureau requires of every serving teacher each year. */
export const COMPENSATION_YEARLY_RECORDS: readonly YearlyRecordSource[] = [yearlyRecordSource('pay', 'pay-records', 'pay_record')];
