import { REFORM_STATUS } from '@tw/kernel';
import type { ReformStatus, SchoolReform } from '../entities/school-reform.entity';

/**
 * Where a school stood on `asOf`, from its record's dates: completed from its completion date,
 * piloting from its pilot start, otherwise (or with no record) not started.
 */
export function reformStatusOn(r: Pick<SchoolReform, 'pilotStartedOn' | 'completedOn'> | null | undefined, asOf: string): ReformStatus {
  if (r?.completedOn && r.completedOn <= asOf) return 'COMPLETED';
  if (r?.pilotStartedOn && r.pilotStartedOn <= asOf) return 'PILOT';
  return 'NOT_STARTED';
}

/** Counts per status on `asOf`, every status listed in order; schools with no record are not started. */
export function reformCounts(records: ReadonlyArray<Pick<SchoolReform, 'pilotStartedOn' | 'completedOn'>>, totalSchools: number, asOf: string) {
  const counts = new Map<ReformStatus, number>(REFORM_STATUS.values().map((s) => [s, 0]));
  for (const r of records) {
    const status = reformStatusOn(r, asOf);
    counts.set(status, counts.get(status)! + 1);
  }
  const total = Math.max(totalSchools, records.length);
  counts.set('NOT_STARTED', total - records.length + counts.get('NOT_STARTED')!);
  const completed = counts.get('COMPLETED')!;
  return {
    asOf,
    totalSchools: total,
    counts: [...counts].map(([status, count]) => ({ status, count })),
    completed,
    completedShare: total ? completed / total : null,
  };
}
