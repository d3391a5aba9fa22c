import type { BaseContext } from '@tw/kernel';
import type { DataSource } from 'typeorm';
import type { PersonnelReports } from './analytics/report-context';
import type { Loaders } from './loaders';

/** What every personnel resolver receives: the reader (BaseContext), the database, this request's loaders. */
export interface PersonnelContext extends BaseContext {
  readonly ds: DataSource;
  readonly loaders: Loaders;
  /** the district and school reports' loaders, and the services the comparison asks */
  readonly reports: PersonnelReports;
}
