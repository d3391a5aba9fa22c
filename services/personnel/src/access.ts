import { BaseContext, canReadPerson, forbidden, notFound, Principal, requirePrincipal } from '@tw/kernel';
import { Teacher } from './entities/teacher.entity';

/** The teacher, when this principal may read them; FORBIDDEN otherwise. */
export function assertCanRead(ctx: BaseContext, t: Teacher | null, id: string): Teacher {
  const p: Principal = requirePrincipal(ctx);
  if (!t) throw notFound(`No teacher with id "${id}"`);
  if (!canReadPerson(p, t.schoolId, t.id)) {
    throw forbidden(p.role === 'ANALYST' ? 'ANALYST tokens read aggregates only, not individual teachers' : `Teacher ${id} is outside what your token may read`);
  }
  return t;
}
