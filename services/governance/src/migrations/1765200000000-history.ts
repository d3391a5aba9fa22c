import { createVersionTable, seedVersions, systemClock, todayInChina } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { Appraisal } from '../entities/appraisal.entity';
import { Award } from '../entities/award.entity';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { InspectionEvent } from '../entities/inspection-event.entity';
import { InspectionItem } from '../entities/inspection-item.entity';
import { NegativeListItem } from '../entities/negative-list-item.entity';
import { PrincipalRank } from '../entities/principal-rank.entity';
import { SchoolReform } from '../entities/school-reform.entity';
import { Violation } from '../entities/violation.entity';

/**
 * The versions of governance's records (`<table>_version`, kernel history), each existing row's
 * first version valid from its own date (a violation from 处分发生日期, an award from 荣誉发生日期) or
 * from the day the migration runs.
 */
export class History1765200000000 implements MigrationInterface {
  name = 'History1765200000000';

  async up(q: QueryRunner): Promise<void> {
    const today = todayInChina(systemClock);
    const all = [NegativeListItem, EthicsAssessment, Violation, Appraisal, Award, PrincipalRank, SchoolReform, InspectionItem, InspectionEvent];
    for (const e of all) await createVersionTable(q, e);
    for (const e of [NegativeListItem, EthicsAssessment, Appraisal, PrincipalRank, SchoolReform, InspectionItem, InspectionEvent]) await seedVersions(q, e, today);
    await seedVersions(q, Violation, today, { column: 'occurred_on' });
    await seedVersions(q, Award, today, { column: 'awarded_on' });
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['negative_list_item', 'ethics_assessment', 'violation', 'appraisal', 'award', 'principal_rank', 'school_reform', 'inspection_item', 'inspection_event']) await q.query(`DROP TABLE ${q.connection.driver.escape(`${t}_version`)}`);
  }
}
