import { badInput, BulkOptions, BulkPlan, bulkRows, BulkResult, MAX_BULK_ROWS, requirePrincipal, runBulk } from '@tw/kernel';
import { DevelopmentContext } from '../context';
import { KnownTeachers } from './teacher-refs';

/**
 * Runs a bulk call whose rows name teachers: asks personnel (through the directory) about every
 * teacher the rows name in one lookup, before the transaction opens, then plans and writes with
 * runBulk.
 */
export async function runTeacherBulk<R, W>(
  ctx: DevelopmentContext,
  sent: readonly R[],
  options: BulkOptions | null,
  name: string,
  teacherIdsOf: (row: R) => ReadonlyArray<string | null | undefined>,
  plan: (known: KnownTeachers) => BulkPlan<R, W>,
): Promise<BulkResult> {
  // refuse an oversized call before asking personnel about its teachers
  if (sent.length > MAX_BULK_ROWS) throw badInput(`A bulk call takes at most ${MAX_BULK_ROWS} rows; got ${sent.length}. Send them in batches.`);
  const principal = requirePrincipal(ctx);
  // with `commit`, the rows its `prepare` call kept (`name`: the plan's)
  const rows = await bulkRows(ctx.ds, sent, options, name, principal);
  const ids = [...new Set(rows.flatMap((r) => teacherIdsOf(r)).filter((id): id is string => !!id))];
  const known = ids.length ? await ctx.directory.lookup(ids) : new Map();
  return runBulk(ctx.ds, rows, options ?? new BulkOptions(), plan(known), principal);
}
