import { BaseContext, canReadPerson } from '@tw/kernel';
import { MiddlewareFn } from 'type-graphql';

/**
 * Personal fields of a teacher (birth date, political status, …) are answered only to those who may
 * read the person (DISTRICT_ADMIN, the school's SCHOOL_ADMIN, the teacher); others, who see the
 * teacher as a name in a studio or a lesson, get null. It needs only the reader, so it is typed on
 * BaseContext: teacher.entity.ts uses it, and an entity must not depend on the context (which
 * holds the loaders, which load the entities).
 */
export const PersonalField: MiddlewareFn<BaseContext> = async ({ root, context }, next) => {
  const t = root as { id: string; schoolId: string };
  if (!context.principal || !canReadPerson(context.principal, t.schoolId, t.id)) return null;
  return next();
};
