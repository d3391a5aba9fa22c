import { CreateAuditLog1764400000000 } from '@tw/kernel';
import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { AuditAppendOnly1764201600002 } from './1764201600002-audit-append-only';

const OLD = 'governance_audit_log_v1';
const INDEXES = ['ix_audit_entity', 'ix_audit_teacher', 'ix_audit_recorded_at'];
const SHARED = 'id, recorded_at, actor_subject, actor_role, acting_service, entity_id, record_key, teacher_id, before_json, after_json';
// the kinds governance wrote in capitals (ETHICS_ASSESSMENT…) are named like every service's, after their tables
const KINDS = ['ETHICS_ASSESSMENT', 'VIOLATION', 'APPRAISAL', 'AWARD', 'NEGATIVE_LIST_ITEM'];

async function dropTriggers(q: QueryRunner): Promise<void> {
  await q.query('DROP TRIGGER IF EXISTS audit_log_no_update');
  await q.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
}

/**
 * Governance's audit log becomes the kernel's, the one every service keeps (with the request id, and
 * the kernel's indexes), carrying every entry over. The table's name stays `audit_log`, so the old
 * one is moved aside (its triggers and indexes first: SQLite names indexes per database), the
 * kernel's is created by the kernel's own migration, the rows are copied, and the old one dropped.
 * The append-only triggers refuse UPDATE and DELETE, not INSERT … SELECT, so nothing is lifted.
 */
export class AuditLogOntoKernel1764900000000 implements MigrationInterface {
  name = 'AuditLogOntoKernel1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await dropTriggers(q);
    for (const name of INDEXES) await q.dropIndex('audit_log', name);
    await q.renameTable('audit_log', OLD);
    await new CreateAuditLog1764400000000().up(q);
    const kind = `CASE entity ${KINDS.map((k) => `WHEN '${k}' THEN '${k.toLowerCase()}'`).join(' ')} ELSE entity END`;
    await q.query(`INSERT INTO audit_log (${SHARED}, request_id, entity) SELECT ${SHARED}, NULL, ${kind} FROM ${OLD}`);
    await q.dropTable(OLD);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropTriggers(q);
    for (const name of INDEXES) await q.dropIndex('audit_log', name);
    await q.renameTable('audit_log', OLD);
    const v = (name: string, length: number, nullable = false) => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { ...v('id', 36), isPrimary: true },
          { name: 'recorded_at', type: 'datetime' },
          v('actor_subject', 100),
          v('actor_role', 20),
          v('acting_service', 100, true),
          v('entity', 30),
          v('entity_id', 36),
          v('record_key', 300),
          v('teacher_id', 36, true),
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'ix_audit_entity', columnNames: ['entity', 'id'] },
          { name: 'ix_audit_teacher', columnNames: ['teacher_id', 'id'] },
          { name: 'ix_audit_recorded_at', columnNames: ['recorded_at'] },
        ],
      }),
    );
    // the request ids have no column to go back to
    const kind = `CASE entity ${KINDS.map((k) => `WHEN '${k.toLowerCase()}' THEN '${k}'`).join(' ')} ELSE entity END`;
    await q.query(`INSERT INTO audit_log (${SHARED}, entity) SELECT ${SHARED}, ${kind} FROM ${OLD}`);
    await q.dropTable(OLD);
    await new AuditAppendOnly1764201600002().up(q);
  }
}
