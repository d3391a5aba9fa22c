import { createVersionTable, seedVersions, systemClock, todayInChina } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { PayRecord } from '../entities/pay-record.entity';
import { TalentRecord } from '../entities/talent-record.entity';
import { CivilServantBenchmark } from '../entities/civil-servant-benchmark.entity';
import { PerformancePayAllocation } from '../entities/performance-pay-allocation.entity';

/** The versions of this service's records (`<table>_version`, kernel history), each existing row's first version valid from the day the migration runs. */
export class History1765200000000 implements MigrationInterface {
  name = 'History1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const today = todayInChina(systemClock);
    for (const e of [PayRecord, TalentRecord, CivilServantBenchmark, PerformancePayAllocation]) {
      await createVersionTable(q, e);
      await seedVersions(q, e, today);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const e of [PayRecord, TalentRecord, CivilServantBenchmark, PerformancePayAllocation]) await q.query(`DROP TABLE ${q.connection.driver.escape(`${q.connection.getMetadata(e).tableName}_version`)}`);
  }
}
