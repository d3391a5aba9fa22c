import { Principal, valueLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { SchoolTalent, schoolTalent } from './school-talent';

/**
 * This request's loaders of the report figures this service adds beside its existing per-year
 * tables (pay parity and talent totals, which the report reads from `loaders`): they depend on the
 * reader, since the small-group rule withholds by who asks.
 */
export function createReportLoaders(ds: DataSource, reader: Principal | null) {
  return {
    /** every school's talent figures of a year: the small-group rule needs them all, whatever page is asked */
    schoolTalent: valueLoader<number, ReadonlyMap<string, SchoolTalent>>(
      async (years) => new Map(await Promise.all(years.map(async (y) => [y, await schoolTalent(ds, y, reader)] as const))),
      new Map(),
    ),
  };
}

export type ReportLoaders = ReturnType<typeof createReportLoaders>;
