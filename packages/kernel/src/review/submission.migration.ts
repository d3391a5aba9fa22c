import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The submissions of the review flow (kernel), in every service whose kinds the review policy can hold. */
export class CreateSubmissions1765400000000 implements MigrationInterface {
  name = 'CreateSubmissions1765400000000';

  async up(q: QueryRunner): Promise<void> {
    const id = (name: string, nullable = false) => ({ name, type: 'varchar', length: '36', isNullable: nullable });
    await q.createTable(
      new Table({
        name: 'submission',
        columns: [
          { ...id('id'), isPrimary: true },
          { name: 'service', type: 'varchar', length: '40' },
          { name: 'kind', type: 'varchar', length: '40' },
          id('school_id'),
          { name: 'status', type: 'varchar', length: '12' },
          { name: 'submitted_at', type: 'datetime' },
          { name: 'submitted_by', type: 'varchar', length: '100' },
          { name: 'acting_service', type: 'varchar', length: '100', isNullable: true },
          id('import_job_id', true),
          { name: 'as_of', type: 'varchar', length: '10' },
          { name: 'reason', type: 'varchar', length: '300', isNullable: true },
          id('replaces_id', true),
          { name: 'row_count', type: 'integer' },
          { name: 'pending_rows', type: 'integer' },
          { name: 'approved_rows', type: 'integer' },
          { name: 'transfer_rows', type: 'integer' },
          { name: 'decided_at', type: 'datetime', isNullable: true },
          { name: 'decided_by', type: 'varchar', length: '100', isNullable: true },
          { name: 'return_reason', type: 'varchar', length: '500', isNullable: true },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          { name: 'ix_submission_status', columnNames: ['status', 'school_id', 'kind'] },
          { name: 'ix_submission_school', columnNames: ['school_id', 'id'] },
          { name: 'ix_submission_job', columnNames: ['import_job_id', 'kind'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'submission_row',
        columns: [
          { ...id('id'), isPrimary: true },
          id('submission_id'),
          { name: 'position', type: 'integer' },
          { name: 'row_key', type: 'varchar', length: '300' },
          { name: 'op', type: 'varchar', length: '10' },
          { name: 'status', type: 'varchar', length: '10' },
          id('record_id'),
          id('teacher_id', true),
          { name: 'payload', type: 'blob' },
          { name: 'before_json', type: 'text', isNullable: true },
          { name: 'after_json', type: 'text' },
          { name: 'before_hash', type: 'varchar', length: '64' },
          { name: 'message', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [
          { name: 'ix_submission_row', columnNames: ['submission_id', 'position'], isUnique: true },
          { name: 'ix_submission_row_teacher', columnNames: ['teacher_id'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'submission_event',
        columns: [
          { ...id('id'), isPrimary: true },
          id('submission_id'),
          { name: 'at', type: 'datetime' },
          { name: 'actor_subject', type: 'varchar', length: '100' },
          { name: 'actor_role', type: 'varchar', length: '20' },
          { name: 'action', type: 'varchar', length: '20' },
          { name: 'rows', type: 'integer' },
          { name: 'note', type: 'varchar', length: '500', isNullable: true },
        ],
        indices: [{ name: 'ix_submission_event', columnNames: ['submission_id', 'id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('submission_event');
    await q.dropTable('submission_row');
    await q.dropTable('submission');
  }
}
