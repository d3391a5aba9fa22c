import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** What of a job the review policy held: the rows sent to the bureau as submissions, and which (issue 15). */
export class ImportSubmissions1765300000000 implements MigrationInterface {
  name = 'ImportSubmissions1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('import_job', new TableColumn({ name: 'rows_submitted', type: 'int', default: 0 }));
    await q.addColumn('import_job', new TableColumn({ name: 'submissions', type: 'text', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('import_job', 'submissions');
    await q.dropColumn('import_job', 'rows_submitted');
  }
}
