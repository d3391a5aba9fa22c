import { BulkOptions, BulkPlan, BulkResult, Principal, RowStatus, runBulk } from '@tw/kernel';
import { DataSource } from 'typeorm';

/** Something a person should know about an accepted row (a result the rules changed), by row index. */
export interface Notice {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}
export type Notices = Map<number, Notice>;

/**
 * The kernel's runBulk, plus notices on accepted rows: the plan records them by row index and they
 * reach the row's `code` and `message` (the kernel's RowResult carries those only for rejections).
 */
export async function runBulkWithNotices<R, W>(
  ds: DataSource,
  rows: readonly R[],
  options: BulkOptions,
  makePlan: (notices: Notices) => BulkPlan<R, W>,
  actor: Principal,
): Promise<BulkResult> {
  const notices: Notices = new Map();
  const result = await runBulk(ds, rows, options, makePlan(notices), actor);
  for (const row of result.rows) {
    const n = notices.get(row.index);
    if (n && row.status !== RowStatus.REJECTED) Object.assign(row, { code: n.code, message: n.message, field: n.field });
  }
  return result;
}
