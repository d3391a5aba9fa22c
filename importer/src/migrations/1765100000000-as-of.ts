import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** The day a job's rows took effect (asOf), passed to every bulk call of the job. */
export class ImportAsOf1765100000000 implements MigrationInterface {
  name = 'ImportAsOf1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('import_job', new TableColumn({ name: 'as_of', type: 'date', isNullable: true }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('import_job', 'as_of');
  }
}
