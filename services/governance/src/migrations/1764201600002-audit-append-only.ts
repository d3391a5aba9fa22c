import { MigrationInterface, QueryRunner } from 'typeorm';

const REFUSAL = 'audit_log is append-only: entries are never changed or deleted';

/**
 * Makes the audit log append-only in the database itself, so no code path (nor a mistaken script)
 * can change or delete an entry. Triggers have no portable Table API: one form per engine.
 * On MySQL with binary logging, creating a trigger needs the TRIGGER privilege (and SUPER unless
 * log_bin_trust_function_creators=1).
 */
export class AuditAppendOnly1764201600002 implements MigrationInterface {
  name = 'AuditAppendOnly1764201600002';

  async up(q: QueryRunner): Promise<void> {
    for (const op of ['UPDATE', 'DELETE']) {
      const name = `audit_log_no_${op.toLowerCase()}`;
      if (q.connection.options.type === 'mysql') {
        await q.query(`CREATE TRIGGER ${name} BEFORE ${op} ON audit_log FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${REFUSAL}'`);
      } else {
        await q.query(`CREATE TRIGGER ${name} BEFORE ${op} ON audit_log BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS audit_log_no_update');
    await q.query('DROP TRIGGER IF EXISTS audit_log_no_delete');
  }
}
