import { createVersionTable, seedVersions, systemClock, todayInChina } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { Hire } from '../entities/hire.entity';
import { Rotation } from '../entities/rotation.entity';
import { School } from '../entities/school.entity';
import { StaffingQuota } from '../entities/staffing-quota.entity';
import { Teacher } from '../entities/teacher.entity';

/**
 * The versions of personnel's records (`<table>_version`, kernel history), each existing row's
 * first version valid from its own date (a teacher from 进本校年月, a rotation from its start, a
 * hire from its 入编日期) or from the day the migration runs.
 */
export class History1765200000000 implements MigrationInterface {
  name = 'History1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const today = todayInChina(systemClock);
    for (const e of [School, Teacher, StaffingQuota, Hire, Rotation]) await createVersionTable(q, e);
    await seedVersions(q, School, today);
    await seedVersions(q, Teacher, today, { column: 'school_start_month', month: true });
    await seedVersions(q, StaffingQuota, today);
    await seedVersions(q, Hire, today, { column: 'in_quota_date' });
    await seedVersions(q, Rotation, today, { column: 'start_month', month: true });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['rotation', 'hire', 'staffing_quota', 'teacher', 'school']) await q.query(`DROP TABLE ${q.connection.driver.escape(`${t}_version`)}`);
  }
}
