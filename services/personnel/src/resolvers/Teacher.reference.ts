import { forbidden, requirePrincipal } from '@tw/kernel';
import { Teacher } from '../entities/teacher.entity';
import { PersonnelContext } from '../context';

/**
 * Teachers other subgraphs point at. Any signed-in role but ANALYST gets the teacher (personal
 * fields stay null for those who may not read the person, see PersonalField).
 */
export async function resolveTeacherReference(ref: { id: string }, ctx: PersonnelContext): Promise<Teacher | null> {
  const p = requirePrincipal(ctx);
  if (p.role === 'ANALYST') throw forbidden('ANALYST tokens read aggregates only, not individual teachers');
  return ctx.loaders.teacher.load(ref.id);
}
