import { BaseContext, forbidden, requireRole } from '@tw/kernel';

/** Whom a list of records about teachers is narrowed to: all, one school, or one teacher. */
export type RecordScope = { all: true } | { schoolId: string } | { teacherId: string };

/**
 * The records about teachers (participations, designations, pairs) a principal may list: all for
 * DISTRICT_ADMIN, their school's for SCHOOL_ADMIN (by the school stored on each record, the teacher's
 * school when it was written), their own for TEACHER. ANALYST reads aggregates only. A SCHOOL_ADMIN
 * asking for another school is refused rather than silently given their own.
 */
export function recordScope(ctx: BaseContext, requestedSchoolId?: string | null): RecordScope {
  const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
  if (p.role === 'SCHOOL_ADMIN') {
    if (requestedSchoolId && requestedSchoolId !== p.schoolId) {
      throw forbidden(`A SCHOOL_ADMIN token reads only its own school's records (school ${p.schoolId}); asked for school ${requestedSchoolId}`);
    }
    return { schoolId: p.schoolId! };
  }
  if (p.role === 'TEACHER') return { teacherId: p.teacherId! };
  return { all: true };
}
