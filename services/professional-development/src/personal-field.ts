import { BaseContext, canReadPerson } from '@tw/kernel';
import { MiddlewareFn } from 'type-graphql';
import type { TeacherRef } from './entities/teacher-ref';

/** The sentence every personal Teacher field's description ends with. */
export const PERSONAL = 'Null when your token may not read this teacher (DISTRICT_ADMIN, the SCHOOL_ADMIN of their school now, the teacher themself).';

/**
 * The fields this subgraph adds to Teacher are the teacher's own records: answered to those who may
 * read the person, decided by the school personnel holds for them now (the `school { id }` each field
 * @requires); null for everyone else (ANALYST included), as personnel's personal fields are.
 */
export const PersonalField: MiddlewareFn<BaseContext> = async ({ root, context }, next) => {
  const t = root as TeacherRef;
  if (!context.principal || !canReadPerson(context.principal, t.school?.id, t.id)) return null;
  return next();
};
