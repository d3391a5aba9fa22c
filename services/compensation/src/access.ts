import { BaseContext, canReadPerson, forbidden, Principal, requirePrincipal } from '@tw/kernel';
import { TeacherRef } from './entities/teacher-ref';

/**
 * Pay and talent records are personal data: DISTRICT_ADMIN reads all, a SCHOOL_ADMIN their school's
 * teachers (by the school personnel holds for the teacher now), a TEACHER their own; an ANALYST
 * reads aggregates only, never one teacher's pay.
 */
export function assertCanReadPay(ctx: BaseContext, teacher: TeacherRef): Principal {
  const p = requirePrincipal(ctx);
  if (p.role === 'ANALYST') throw forbidden("ANALYST tokens read aggregates only, never a single teacher's pay");
  if (!canReadPerson(p, teacher.school?.id, teacher.id)) throw forbidden(`Teacher ${teacher.id}'s pay is outside what your token may read`);
  return p;
}

