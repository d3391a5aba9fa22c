import { insertRows, newId, Principal } from '@tw/kernel';
import { EntityManager } from 'typeorm';
import { AuditEntity } from './codes';
import { AuditEntry } from './entities/audit-entry.entity';

/** What one write changed: the record's kind, id, natural key and teacher, and its state before and after. */
export interface AuditedChange {
  readonly entity: AuditEntity;
  readonly entityId: string;
  readonly key: string;
  readonly teacherId: string | null;
  /** null when the write created the record */
  readonly before: object | null;
  readonly after: object | null;
}

/**
 * The audit entry of a change made by `principal` (its subject and role, and the service acting for
 * the user when there is one). Write it with `recordAudit` in the transaction of the change.
 */
export function auditEntry(principal: Principal, change: AuditedChange, at: Date): AuditEntry {
  return Object.assign(new AuditEntry(), {
    id: newId(),
    recordedAt: at,
    actorSubject: principal.subject,
    actorRole: principal.role,
    actingService: principal.actingService ?? null,
    entity: change.entity,
    entityId: change.entityId,
    key: change.key,
    teacherId: change.teacherId,
    before: change.before === null ? null : JSON.stringify(change.before),
    after: change.after === null ? null : JSON.stringify(change.after),
  });
}

/** Appends entries to the audit log, in the caller's transaction. */
export async function recordAudit(m: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
  await insertRows(m, AuditEntry, entries);
}
