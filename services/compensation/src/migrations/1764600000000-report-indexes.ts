import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** The school report's talent figures: a year's records per school, answered from the index alone. */
export class ReportIndexes1764600000000 implements MigrationInterface {
  name = 'ReportIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('talent_record', new TableIndex({ name: 'ix_talent_year_school', columnNames: ['year', 'school_id', 'result', 'subsidy'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('talent_record', 'ix_talent_year_school');
  }
}
