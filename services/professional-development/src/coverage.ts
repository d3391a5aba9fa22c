import { CoverageSource } from '@tw/kernel';

/** What professional development counts per school and year for the data-quality view. */
export const DEVELOPMENT_COVERAGE: readonly CoverageSource[] = [
  { kind: 'trainings', table: 'training_participation', year: { column: 'year', form: 'year' } },
  { kind: 'designations', table: 'designation', year: { column: 'year', form: 'year' } },
  { kind: 'lessons', table: 'lesson', year: { column: 'date', form: 'date' } },
];
