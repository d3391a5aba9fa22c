import type { BaseContext, SchoolDirectory, TeacherDirectory } from '@tw/kernel';
import type { DataSource } from 'typeorm';
import type { ReportLoaders } from './analytics/report-loaders';
import type { Loaders } from './loaders';

/** What every governance resolver receives: the reader (BaseContext), the database, this request's loaders. */
export interface GovernanceContext extends BaseContext {
  readonly ds: DataSource;
  readonly loaders: Loaders;
  /** personnel's teachers, asked through the gateway */
  readonly teachers: TeacherDirectory;
  /** personnel's schools, asked through the gateway */
  readonly schools: SchoolDirectory;
  /** this request's loaders of the district and school report figures */
  readonly reports: ReportLoaders;
}
