import { indexVersionTable } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';

/**
 * Indexes of the version tables a year's figures read as of its statistics day at province scale,
 * each the entity table's report index followed by the valid time (kernel indexVersionTable), so the
 * as-of read is index-only as the read of the table was.
 */
export class AsOfIndexes1765300000001 implements MigrationInterface {
  name = 'AsOfIndexes1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await indexVersionTable(q, EthicsAssessment, 'ix_ethics_assessment_v_result', ['year', 'result', 'school_id', 'teacher_id']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('ethics_assessment_version', 'ix_ethics_assessment_v_result');
  }
}
