import { Principal } from '@tw/kernel';
import { ImportJob } from './entities/import-job.entity';

/** Roles that may start imports at all (each kind narrows further, and the subgraphs check rows). */
export const IMPORTING_ROLES = ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'] as const;

/**
 * Who sees a job: the district; a school's admins the jobs started for their school. No other role
 * may start a job, so no other role sees one: a token subject alone proves nothing (a TEACHER token
 * may carry the `sub` of a school admin), so it is never what decides.
 */
export function canSeeJob(p: Principal, job: Pick<ImportJob, 'principalSchoolId'>): boolean {
  if (p.role === 'DISTRICT_ADMIN' || p.role === 'SERVICE') return true;
  if (p.role === 'SCHOOL_ADMIN') return !!p.schoolId && job.principalSchoolId === p.schoolId;
  return false;
}
