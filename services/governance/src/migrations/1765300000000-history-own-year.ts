import { seedVersionsFromTheirYear } from '@tw/kernel';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { Appraisal } from '../entities/appraisal.entity';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { PrincipalRank } from '../entities/principal-rank.entity';

/**
 * The records of this service that carry their own year count in it: the first versions the history
 * migration gave them (valid from the day it ran) are moved back to their year's first day, as the
 * plans date the records they create (fromItsYear), so a past year's figures, read as of its
 * statistics day, still count the rows that were there before the history began.
 */
export class HistoryOwnYear1765300000000 implements MigrationInterface {
  name = 'HistoryOwnYear1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await seedVersionsFromTheirYear(q, EthicsAssessment, 'year');
    await seedVersionsFromTheirYear(q, Appraisal, 'year');
    await seedVersionsFromTheirYear(q, PrincipalRank, 'year');
  }

  /** Nothing to undo: the versions stay dated in their year (the day the history began is not kept). */
  async down(): Promise<void> {}
}
