import { BaseContext, canReadPerson, forbidden, Principal, RecordScope, requirePrincipal, requireRole } from '@tw/kernel';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { TeacherRef } from './entities/teacher-ref';

const ANALYST_REFUSAL = 'ANALYST tokens read aggregates only, not individual teachers’ records';

/**
 * The ethics, appraisal, award and rank records a principal may list: DISTRICT_ADMIN all, a
 * SCHOOL_ADMIN those written for their school, a TEACHER their own; ANALYST none. Asking for
 * another school or teacher is refused rather than silently narrowed.
 */
export function recordScope(ctx: BaseContext, filter?: { schoolId?: string | null; teacherId?: string | null } | null): RecordScope {
  const p = requirePrincipal(ctx);
  if (p.role === 'ANALYST') throw forbidden(ANALYST_REFUSAL);
  requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
  if (p.role === 'SCHOOL_ADMIN') {
    if (filter?.schoolId && filter.schoolId !== p.schoolId) {
      throw forbidden(`A SCHOOL_ADMIN token reads only its own school's records (school ${p.schoolId}); asked for school ${filter.schoolId}`);
    }
    return { schoolId: p.schoolId! };
  }
  if (p.role === 'TEACHER') {
    if (filter?.teacherId && filter.teacherId !== p.teacherId) throw forbidden(`A TEACHER token reads only the teacher's own records; asked for teacher ${filter.teacherId}`);
    return { teacherId: p.teacherId! };
  }
  return { all: true };
}

/** Narrows a query over a table with school_id and teacher_id columns to a scope. */
export function applyScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: RecordScope): SelectQueryBuilder<T> {
  if ('schoolId' in scope) qb.andWhere(`${qb.alias}.school_id = :scopeSchool`, { scopeSchool: scope.schoolId });
  if ('teacherId' in scope) qb.andWhere(`${qb.alias}.teacher_id = :scopeTeacher`, { scopeTeacher: scope.teacherId });
  return qb;
}

/**
 * The school figures a principal may read are counted over: DISTRICT_ADMIN and ANALYST the district or
 * any school, a SCHOOL_ADMIN their school only; a TEACHER none.
 */
export function aggregateScope(ctx: BaseContext, requestedSchoolId?: string | null): { schoolId: string | null } {
  const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'ANALYST');
  if (p.role === 'SCHOOL_ADMIN') {
    if (requestedSchoolId && requestedSchoolId !== p.schoolId) {
      throw forbidden(`A SCHOOL_ADMIN token reads only its own school's figures (school ${p.schoolId}); asked for school ${requestedSchoolId}`);
    }
    return { schoolId: p.schoolId! };
  }
  return { schoolId: requestedSchoolId ?? null };
}

/**
 * Whether the request may read this teacher's governance data, decided on the teacher's school now
 * (which the gateway fetched from personnel for the `@requires(fields: "school { id }")` fields).
 */
export function mayReadTeacher(ctx: BaseContext, t: TeacherRef): boolean {
  return !!ctx.principal && canReadPerson(ctx.principal, t.school?.id, t.id);
}

/** The principal, who must be DISTRICT_ADMIN (or an internal service). */
export function requireDistrictAdmin(ctx: BaseContext): Principal {
  return requireRole(ctx, 'DISTRICT_ADMIN');
}
