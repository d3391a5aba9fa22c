import { BaseContext, canReadPerson, Principal, requirePrincipal } from '@tw/kernel';
import { Teacher } from './entities/teacher.entity';

/**
 * The teacher when this principal may read them; null otherwise, exactly as when there is no such
 * teacher: a lookup by id or ID number must not tell "outside your scope" from "unknown".
 */
export function readableOrNull(ctx: BaseContext, t: Teacher | null | undefined): Teacher | null {
  const p: Principal = requirePrincipal(ctx);
  return t && canReadPerson(p, t.schoolId, t.id) ? t : null;
}
