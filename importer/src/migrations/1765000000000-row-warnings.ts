import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

/** Rows written with warnings: counted on the job, and kept beside the rejected rows for the report. */
export class RowWarnings1765000000000 implements MigrationInterface {
  name = 'RowWarnings1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('import_job', new TableColumn({ name: 'rows_warned', type: 'int', isNullable: false, default: 0 }));
    await q.addColumn('import_row_error', new TableColumn({ name: 'rejected', type: 'boolean', isNullable: false, default: true }));
    await q.createIndex('import_row_error', new TableIndex({ name: 'ix_import_row_error_kind', columnNames: ['job_id', 'rejected', 'sheet_row'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('import_row_error', 'ix_import_row_error_kind');
    await q.dropColumn('import_row_error', 'rejected');
    await q.dropColumn('import_job', 'rows_warned');
  }
}
