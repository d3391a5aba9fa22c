import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Indexes of the district and school reports' GROUP BYs, each answered from the index alone:
 * serving teachers per school with their party membership and posts (school first, so the GROUP BY
 * school reads the index in order without a temporary table); rotations of a year per
 * origin school; a year's quotas per school.
 */
export class ReportIndexes1764600000000 implements MigrationInterface {
  name = 'ReportIndexes1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('teacher', new TableIndex({ name: 'ix_teacher_roster', columnNames: ['school_id', 'status', 'political_status', 'in_quota'] }));
    await q.createIndex('rotation', new TableIndex({ name: 'ix_rotation_start_school', columnNames: ['start_month', 'from_school_id'] }));
    await q.createIndex('staffing_quota', new TableIndex({ name: 'ix_quota_year_school', columnNames: ['year', 'school_id', 'approved'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('staffing_quota', 'ix_quota_year_school');
    await q.dropIndex('rotation', 'ix_rotation_start_school');
    await q.dropIndex('teacher', 'ix_teacher_roster');
  }
}
