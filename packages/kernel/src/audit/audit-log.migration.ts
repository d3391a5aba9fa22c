import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * The audit log every service keeps (kernel AuditEntry), append-only: triggers refuse UPDATE and
 * DELETE. On MySQL with binary logging, creating triggers needs the TRIGGER privilege (and SUPER
 * unless log_bin_trust_function_creators=1).
 */
export class CreateAuditLog1764400000000 implements MigrationInterface {
  name = 'CreateAuditLog1764400000000';

  async up(q: QueryRunner): Promise<void> {
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
          v('request_id', 100, true),
          v('entity', 40),
          v('entity_id', 36),
          v('record_key', 300),
          v('teacher_id', 36, true),
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text', isNullable: true },
        ],
        indices: [
          { name: 'ix_audit_entity', columnNames: ['entity', 'entity_id'] },
          { name: 'ix_audit_teacher', columnNames: ['teacher_id', 'id'] },
          { name: 'ix_audit_recorded_at', columnNames: ['recorded_at'] },
        ],
      }),
    );
    const mysql = q.connection.options.type === 'mysql' || q.connection.options.type === 'mariadb';
    for (const op of ['UPDATE', 'DELETE']) {
      const name = `audit_log_no_${op.toLowerCase()}`;
      await q.query(
        mysql
          ? `CREATE TRIGGER ${name} BEFORE ${op} ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'`
          : `CREATE TRIGGER ${name} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS audit_log_no_update');
    await q.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
    await q.dropTable('audit_log');
  }
}
