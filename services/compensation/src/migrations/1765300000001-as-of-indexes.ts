import { indexVersionTable } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { PayRecord } from '../entities/pay-record.entity';

/**
 * Indexes of the version tables a year's figures read as of its statistics day at province scale,
 * each the entity table's report index followed by the valid time (kernel indexVersionTable), so the
 * as-of read is index-only as the read of the table was.
 */
export class AsOfIndexes1765300000001 implements MigrationInterface {
  name = 'AsOfIndexes1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await indexVersionTable(q, PayRecord, 'ix_pay_record_v_parity', ['year', 'teacher_serving', 'school_id', 'school_public', 'annual_income']);
    await indexVersionTable(q, PayRecord, 'ix_pay_record_v_school', ['year', 'school_id', 'school_public', 'performance_monthly']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('pay_record_version', 'ix_pay_record_v_school');
    await q.dropIndex('pay_record_version', 'ix_pay_record_v_parity');
  }
}
