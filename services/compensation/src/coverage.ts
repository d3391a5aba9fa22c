import { CoverageSource } from '@tw/kernel';

/** What compensation counts per school and year for the data-quality view. */
export const COMPENSATION_COVERAGE: readonly CoverageSource[] = [
  { kind: 'pay', table: 'pay_record', year: { column: 'year', form: 'year' } },
  { kind: 'talent', table: 'talent_record', year: { column: 'year', form: 'year' } },
];
