import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const text = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable });
const stamp = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', isNullable: nullable });

/** Import jobs, the uploaded files in chunks, validated batches, and rejected rows. */
export class ImportJobs1764201600000 implements MigrationInterface {
  name = 'ImportJobs1764201600000';

  async up(q: QueryRunner): Promise<void> {
    // MySQL's BLOB holds 64 KB; chunks and batches need more
    const blob = q.connection.options.type === 'mysql' ? 'mediumblob' : 'blob';
    // TEXT on MySQL holds 64 KB; a header or a row's cells can exceed it in odd files
    const longText = q.connection.options.type === 'mysql' ? 'mediumtext' : 'text';
    await q.createTable(
      new Table({
        name: 'import_job',
        columns: [
          { ...text('id', 36), isPrimary: true },
          text('kind', 30),
          text('file_name', 255),
          { name: 'file_size', type: 'bigint' },
          text('file_format', 10),
          text('file_sha256', 64),
          text('subject', 200),
          text('role', 20),
          text('principal_school_id', 36, true),
          text('school', 100, true),
          { name: 'dry_run', type: 'boolean' },
          { name: 'partial', type: 'boolean' },
          text('status', 24),
          int('rows_expected', true),
          int('rows_read'),
          int('rows_created'),
          int('rows_updated'),
          int('rows_unchanged'),
          int('rows_rejected'),
          text('sheet', 100, true),
          { name: 'header', type: longText, isNullable: true },
          text('error_code', 40, true),
          { name: 'error_message', type: 'text', isNullable: true },
          text('owner', 36, true),
          stamp('heartbeat_at', true),
          stamp('created_at'),
          stamp('started_at', true),
          stamp('finished_at', true),
          int('validation_ms', true),
          int('writing_ms', true),
        ],
        indices: [
          { name: 'ix_import_job_status', columnNames: ['status', 'created_at'] },
          { name: 'ix_import_job_school', columnNames: ['principal_school_id', 'created_at'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'import_file_chunk',
        columns: [
          { ...text('job_id', 36), isPrimary: true },
          { ...int('seq'), isPrimary: true },
          { name: 'data', type: blob },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'import_batch',
        columns: [
          { ...text('job_id', 36), isPrimary: true },
          { ...int('seq'), isPrimary: true },
          { name: 'payload', type: blob },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'import_row_error',
        columns: [
          { ...text('job_id', 36), isPrimary: true },
          { ...int('sheet_row'), isPrimary: true },
          text('sheet', 100),
          { name: 'cells', type: longText },
          { name: 'issues', type: longText },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['import_row_error', 'import_batch', 'import_file_chunk', 'import_job']) await q.dropTable(t);
  }
}
