import { EntityManager } from 'typeorm';
import { Principal } from '../auth/principal';
import { systemClock } from '../clock';
import { insertRows } from '../database/insert-rows';
import { newId } from '../ids';
import { currentRequestScope } from '../request-scope';
import { AuditEntry } from './audit-entry.entity';

/** What one write changed. */
export interface AuditedChange {
  readonly entity: string;
  readonly entityId: string;
  readonly key: string;
  readonly teacherId?: string | null;
  /** null when the write created the record */
  readonly before: object | null;
  readonly after: object | null;
}

const bigintAsText = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);

/**
 * JSON of a record: bigint (money in fen) as a decimal string, which JSON cannot hold otherwise.
 * A replacer takes JSON.stringify off its fast path (3× slower on a teacher), so it is used only for
 * records that hold a bigint, which plain JSON.stringify refuses with a TypeError.
 */
function toJson(record: object): string {
  try {
    return JSON.stringify(record);
  } catch (e) {
    if (e instanceof TypeError) return JSON.stringify(record, bigintAsText);
    throw e;
  }
}

/** The audit entry of a change made by `principal` now (the system clock: when it really happened, whatever BUSINESS_DATE says), in the current request. */
export function auditEntry(principal: Principal, change: AuditedChange, at = systemClock.now()): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: newId(),
    recordedAt: at,
    actorSubject: principal.subject,
    actorRole: principal.role,
    actingService: principal.actingService ?? null,
    requestId: currentRequestScope()?.requestId ?? null,
    entity: change.entity,
    entityId: change.entityId,
    key: change.key.slice(0, 300),
    teacherId: change.teacherId ?? null,
    before: change.before === null ? null : toJson(change.before),
    after: change.after === null ? null : toJson(change.after),
  });
}

/** Appends entries to the audit log, in the caller's transaction. */
export async function recordAudit(m: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
  await insertRows(m, AuditEntry, entries);
}
