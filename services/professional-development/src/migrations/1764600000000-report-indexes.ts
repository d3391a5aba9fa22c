import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes of the district and school reports' GROUP BYs, each answered from the index alone: a year's
 * participations per school and programme with their hours (per school), and per programme and school
 * (the district's figures, grouped by programme in index order; a few programmes' participations by
 * school); the designations valid in a year.
 */
export class ReportIndexes1764600000000 implements MigrationInterface {
  name = 'ReportIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('training_participation', new TableIndex({ name: 'ix_participation_year_school', columnNames: ['year', 'school_id', 'programme_id', 'hours'] }));
    await q.createIndex('training_participation', new TableIndex({ name: 'ix_participation_year_programme', columnNames: ['year', 'programme_id', 'school_id', 'hours'] }));
    await q.createIndex('designation', new TableIndex({ name: 'ix_designation_validity', columnNames: ['year', 'valid_until', 'teacher_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('designation', 'ix_designation_validity');
    await q.dropIndex('training_participation', 'ix_participation_year_programme');
    await q.dropIndex('training_participation', 'ix_participation_year_school');
  }
}
