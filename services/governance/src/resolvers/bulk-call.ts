import { badInput, BulkOptions, bulkRows, MAX_BULK_ROWS, Principal, requireRole, Role } from '@tw/kernel';
import { resolveSchools, SchoolOf } from '../bulk/school-refs';
import { resolveTeachers, TeacherOf } from '../bulk/teacher-refs';
import { GovernanceContext } from '../context';

/**
 * The start of every bulk mutation: the role check, the size limit, and personnel's answer about
 * the teachers and schools the rows name — asked before the write transaction opens, so no
 * transaction waits on the gateway.
 */
export async function prepareBulk<R extends { teacherId?: string | null; schoolId?: string | null }>(
  ctx: GovernanceContext,
  roles: Role[],
  sent: readonly R[],
  options: BulkOptions | null,
  plan: string,
): Promise<{ principal: Principal; teacherOf: TeacherOf; schoolOf: SchoolOf; rows: readonly R[] }> {
  const principal = requireRole(ctx, ...roles);
  if (sent.length > MAX_BULK_ROWS) throw badInput(`A bulk call takes at most ${MAX_BULK_ROWS} rows; got ${sent.length}. Send them in batches.`);
  // with `commit`, the rows its `prepare` call kept
  const rows = await bulkRows(ctx.ds, sent, options, plan, principal);
  const teacherIds = rows.flatMap((r) => (r.teacherId ? [r.teacherId] : []));
  const schoolIds = rows.flatMap((r) => (r.schoolId ? [r.schoolId] : []));
  const [teacherOf, schoolOf] = await Promise.all([resolveTeachers(ctx.teachers, principal, teacherIds), resolveSchools(ctx.schools, principal, schoolIds)]);
  return { principal, teacherOf, schoolOf, rows };
}
