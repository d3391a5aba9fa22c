import type { BaseContext, SchoolDirectory, TeacherDirectory } from '@tw/kernel';
import type { DataSource } from 'typeorm';
import type { ReportLoaders } from './analytics/report-loaders';
import type { Loaders } from './loaders';

/** What every compensation resolver receives: the reader (BaseContext), the database, this request's loaders. */
export interface CompensationContext extends BaseContext {
  readonly ds: DataSource;
  readonly loaders: Loaders;
  /** personnel's teachers, for the references bulk rows make */
  readonly directory: TeacherDirectory;
  /** personnel's schools, for the references allocation rows make */
  readonly schools: SchoolDirectory;
  /** this request's loaders of the school report figures (for this reader) */
  readonly reports: ReportLoaders;
}
