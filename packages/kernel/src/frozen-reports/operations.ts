import { Principal } from '../auth/principal';
import { recordAudit, auditEntry } from '../audit/record';
import { AppError } from '../errors';
import { newId } from '../ids';
import { computeFigures, FrozenReportsRuntime, RESTRICTED_READER } from './figures';
import { FrozenReport } from './frozen-report.entity';

// Freezing and lifting one service's part of a year's report, each in one transaction with its
// audit entry (entity `frozen_report`, the year as its key).

/** Error codes of the freeze (the messages are Chinese, for the bureau). */
export const FreezeErrorCode = {
  ALREADY_FROZEN: 'REPORT_ALREADY_FROZEN',
  NOT_FROZEN: 'REPORT_NOT_FROZEN',
  REASON_REQUIRED: 'UNFREEZE_REASON_REQUIRED',
  INCOMPLETE: 'FREEZE_INCOMPLETE',
} as const;

/** The longest reason an unfreeze keeps. */
export const MAX_UNFREEZE_REASON = 500;

const chinaTime = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function alreadyFrozen(row: Pick<FrozenReport, 'year' | 'frozenAt' | 'frozenBy'>): AppError {
  return new AppError(
    FreezeErrorCode.ALREADY_FROZEN,
    `${row.year} 年的区域报表已于 ${chinaTime(row.frozenAt)}（北京时间）由 ${row.frozenBy} 冻结为正式数据，不能重复冻结：请先解除冻结（需填写原因）再重新冻结`,
    { year: row.year },
  );
}

/** The reason of an unfreeze, trimmed, or UNFREEZE_REASON_REQUIRED. */
export function requireUnfreezeReason(reason: string, year: number): string {
  const r = reason.trim();
  if (!r) throw new AppError(FreezeErrorCode.REASON_REQUIRED, `解除 ${year} 年报表冻结必须填写原因`, { field: 'reason' });
  if (r.length > MAX_UNFREEZE_REASON) throw new AppError(FreezeErrorCode.REASON_REQUIRED, `解除冻结的原因最多 ${MAX_UNFREEZE_REASON} 个字，填写了 ${r.length} 个字`, { field: 'reason' });
  return r;
}

/** Now, to the second: what a MySQL datetime keeps, so the answer is what is stored. */
const now = () => new Date(Math.floor(Date.now() / 1000) * 1000);

const isDuplicate = (e: unknown) => /duplicate|unique/i.test(String((e as { message?: unknown })?.message ?? ''));

/**
 * Stores this service's figures of `year` as frozen by `admin`: computed now, for both views, with
 * `owner`'s values of the figures they require (personnel's, from the same freeze).
 */
export async function freezePart(
  rt: FrozenReportsRuntime,
  admin: Principal,
  year: number,
  freezeId: string,
  owner: Record<string, unknown>,
  /** the open view, when the caller has just computed it */
  computed?: Record<string, unknown>,
  at = now(),
): Promise<FrozenReport> {
  const repo = rt.dataSource.getRepository(FrozenReport);
  const standing = await repo.findOne({ where: { activeYear: year } });
  if (standing) throw alreadyFrozen(standing);
  const open = computed ?? (await computeFigures(rt, admin, year, year, owner));
  const restricted = await computeFigures(rt, RESTRICTED_READER, year, year, owner);
  const row = Object.assign(new FrozenReport(), {
    id: newId(),
    year,
    activeYear: year,
    freezeId,
    figuresJson: JSON.stringify({ open, restricted }),
    frozenAt: at,
    frozenBy: admin.subject.slice(0, 100),
    frozenByRole: admin.role,
    unfrozenAt: null,
    unfrozenBy: null,
    unfreezeReason: null,
  });
  try {
    await rt.dataSource.transaction(async (m) => {
      await m.getRepository(FrozenReport).insert(row);
      await recordAudit(m, [auditEntry(admin, { entity: 'frozen_report', entityId: row.id, key: String(year), before: null, after: { year, freezeId, frozenAt: at, figures: open } }, at)]);
    });
  } catch (e) {
    // another freeze of the year got in first
    if (isDuplicate(e)) throw alreadyFrozen((await repo.findOne({ where: { activeYear: year } })) ?? row);
    throw e;
  }
  return row;
}

/** Lifts this service's standing freeze of `year` (only freeze `freezeId`'s, when given); null when none stood. */
export async function unfreezePart(rt: FrozenReportsRuntime, admin: Principal, year: number, reason: string, freezeId: string | null, at = now()): Promise<FrozenReport | null> {
  return rt.dataSource.transaction(async (m) => {
    const repo = m.getRepository(FrozenReport);
    const row = await repo.findOne({ where: { activeYear: year } });
    if (!row || (freezeId !== null && row.freezeId !== freezeId)) return null;
    const before = { year, freezeId: row.freezeId, frozenAt: row.frozenAt, frozenBy: row.frozenBy };
    const unfrozenBy = admin.subject.slice(0, 100);
    const done = await repo.update({ id: row.id, activeYear: year }, { activeYear: null, unfrozenAt: at, unfrozenBy, unfreezeReason: reason });
    if (!done.affected) return null;
    await recordAudit(m, [auditEntry(admin, { entity: 'frozen_report', entityId: row.id, key: String(year), before, after: { ...before, unfrozenAt: at, unfrozenBy, reason } }, at)]);
    return Object.assign(row, { activeYear: null, unfrozenAt: at, unfrozenBy, unfreezeReason: reason });
  });
}
