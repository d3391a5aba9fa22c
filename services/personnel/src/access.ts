import { BaseContext, canReadPerson, forbidden, notFound, Principal, requirePrincipal, requireRole } from '@tw/kernel';
import { Teacher } from './entities/teacher.entity';

/** Whom a list of teachers is narrowed to for this principal: all, one school, or one teacher. */
export type TeacherScope = { all: true } | { schoolId: string } | { teacherId: string };

/**
 * The rows of teachers a principal may list. ANALYST reads aggregates only, never a list of people.
 * A SCHOOL_ADMIN asking for another school is refused rather than silently given their own.
 */
export function teacherScope(ctx: BaseContext, requestedSchoolId?: string | null): TeacherScope {
  const p = requireRole(ctx, 'DISTRICT_ADMIN', 'SCHOOL_ADMIN', 'TEACHER');
  if (p.role === 'SCHOOL_ADMIN') {
    if (requestedSchoolId && requestedSchoolId !== p.schoolId) {
      throw forbidden(`A SCHOOL_ADMIN token reads only its own school's teachers (school ${p.schoolId}); asked for school ${requestedSchoolId}`);
    }
    return { schoolId: p.schoolId! };
  }
  if (p.role === 'TEACHER') return { teacherId: p.teacherId! };
  return { all: true };
}

/** The teacher, when this principal may read them; FORBIDDEN otherwise. */
export function assertCanRead(ctx: BaseContext, t: Teacher | null, id: string): Teacher {
  const p: Principal = requirePrincipal(ctx);
  if (!t) throw notFound(`No teacher with id "${id}"`);
  if (!canReadPerson(p, t.schoolId, t.id)) {
    throw forbidden(p.role === 'ANALYST' ? 'ANALYST tokens read aggregates only, not individual teachers' : `Teacher ${id} is outside what your token may read`);
  }
  return t;
}
