import type { BaseContext, TeacherDirectory } from '@tw/kernel';
import type { DataSource } from 'typeorm';
import type { ReportLoaders } from './analytics/report-loaders';
import type { EligibilityChecker } from './eligibility';
import type { Loaders } from './loaders';

/** What every professional-development resolver receives: the reader (BaseContext), the database, this request's loaders. */
export interface DevelopmentContext extends BaseContext {
  readonly ds: DataSource;
  readonly loaders: Loaders;
  /** personnel's teachers, to check the teachers bulk rows name */
  readonly directory: TeacherDirectory;
  /** governance's one-vote veto, checked for new designations */
  readonly eligibility: EligibilityChecker;
  /** this request's loaders of the district and school report figures */
  readonly reports: ReportLoaders;
}
