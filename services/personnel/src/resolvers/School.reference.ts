import { requirePrincipal } from '@tw/kernel';
import { School } from '../entities/school.entity';
import { PersonnelContext } from '../context';

/** Schools other subgraphs point at: readable by every signed-in role. */
export async function resolveSchoolReference(ref: { id: string }, ctx: PersonnelContext): Promise<School | null> {
  requirePrincipal(ctx);
  return ctx.loaders.school.load(ref.id);
}
