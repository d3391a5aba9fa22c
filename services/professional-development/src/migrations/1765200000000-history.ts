import { createVersionTable, seedVersions, systemClock, todayInChina } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { TrainingProgramme } from '../entities/training-programme.entity';
import { TrainingParticipation } from '../entities/training-participation.entity';
import { Designation } from '../entities/designation.entity';
import { Studio } from '../entities/studio.entity';
import { StudioMember } from '../entities/studio-member.entity';
import { Lesson } from '../entities/lesson.entity';
import { MentoringPair } from '../entities/mentoring-pair.entity';

/** The versions of this service's records (`<table>_version`, kernel history), each existing row's first version valid from the day the migration runs. */
export class History1765200000000 implements MigrationInterface {
  name = 'History1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const today = todayInChina(systemClock);
    for (const e of [TrainingProgramme, TrainingParticipation, Designation, Studio, StudioMember, Lesson, MentoringPair]) {
      await createVersionTable(q, e);
      await seedVersions(q, e, today);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const e of [TrainingProgramme, TrainingParticipation, Designation, Studio, StudioMember, Lesson, MentoringPair]) await q.query(`DROP TABLE ${q.connection.driver.escape(`${q.connection.getMetadata(e).tableName}_version`)}`);
  }
}
