import { indexHint, queryRows, sqlMarks, sqlNumber, TRAINING_LEVEL } from '@tw/kernel';
import { DataSource } from 'typeorm';
import type { TrainingLevel } from '../entities/training-programme.entity';
import type { TrainingTopic } from '../rules/training-topic';

/** The topics the bureau counts as ethics and political training (师德, 思想政治). */
export const ETHICS_TOPICS: readonly TrainingTopic[] = ['ETHICS', 'POLITICAL'];

/** A year's training figures (of the district or of one school). */
export interface TrainingFigures {
  readonly personTimes: number;
  readonly hours: number;
  readonly ethicsPersonTimes: number;
  /** distinct programmes on 师德 or 思想政治 with a participation in the year */
  readonly ethicsSessions: number;
  readonly byLevel: ReadonlyArray<{ readonly level: TrainingLevel; readonly personTimes: number; readonly hours: number }>;
}

/** A year's participations of one programme by one key (the year, or a school), as SQL groups them. */
interface ProgrammeGroup {
  readonly k: unknown;
  readonly programmeId: string;
  readonly n: unknown;
  readonly h: unknown;
}

/** The level and topic of the programmes of some years. */
async function programmesOf(ds: DataSource, years: readonly number[]): Promise<Map<string, { level: TrainingLevel; topic: TrainingTopic }>> {
  const found = await queryRows<{ id: string; level: TrainingLevel; topic: TrainingTopic }>(
    ds,
    `SELECT g.id AS id, g.level AS level, g.topic AS topic FROM training_programme g WHERE g.year IN (${sqlMarks(years.length)})`,
    years,
  );
  return new Map(found.map((r) => [r.id, { level: r.level, topic: r.topic }]));
}

/**
 * Folds the (key, programme) groups SQL made into each key's figures, with each programme's level and
 * topic: a group is one programme, so the programmes on 师德/思想政治 of a key are its groups on them.
 */
function fold<K>(groups: readonly ProgrammeGroup[], programmes: ReadonlyMap<string, { level: TrainingLevel; topic: TrainingTopic }>, keyOf: (k: unknown) => K): Map<K, TrainingFigures> {
  const out = new Map<K, { personTimes: number; hours: number; ethicsPersonTimes: number; ethicsSessions: number; levels: Map<string, { personTimes: number; hours: number }> }>();
  for (const g of groups) {
    const p = programmes.get(g.programmeId);
    if (!p) throw new Error(`training programme ${g.programmeId} of a participation was not found`);
    const key = keyOf(g.k);
    const f = out.get(key) ?? { personTimes: 0, hours: 0, ethicsPersonTimes: 0, ethicsSessions: 0, levels: new Map() };
    f.personTimes += sqlNumber(g.n);
    f.hours += sqlNumber(g.h);
    if (ETHICS_TOPICS.includes(p.topic)) {
      f.ethicsPersonTimes += sqlNumber(g.n);
      f.ethicsSessions += 1;
    }
    const l = f.levels.get(p.level) ?? { personTimes: 0, hours: 0 };
    l.personTimes += sqlNumber(g.n);
    l.hours += sqlNumber(g.h);
    f.levels.set(p.level, l);
    out.set(key, f);
  }
  return new Map(
    [...out].map(([k, f]) => [
      k,
      {
        personTimes: f.personTimes,
        hours: f.hours,
        ethicsPersonTimes: f.ethicsPersonTimes,
        ethicsSessions: f.ethicsSessions,
        byLevel: TRAINING_LEVEL.values().map((level) => ({ level, personTimes: f.levels.get(level)?.personTimes ?? 0, hours: f.levels.get(level)?.hours ?? 0 })),
      },
    ]),
  );
}

export const NO_TRAINING: TrainingFigures = {
  personTimes: 0,
  hours: 0,
  ethicsPersonTimes: 0,
  ethicsSessions: 0,
  byLevel: TRAINING_LEVEL.values().map((level) => ({ level, personTimes: 0, hours: 0 })),
};

/**
 * The district's training figures of each year: participations grouped by year and programme in the
 * order of ix_participation_year_programme (no row read, no temporary table; a few thousand groups),
 * then the programmes' level and topic. Two statements for any number of years.
 */
export async function districtTraining(ds: DataSource, years: readonly number[]): Promise<Map<number, TrainingFigures>> {
  const [groups, programmes] = await Promise.all([
    queryRows<ProgrammeGroup>(
      ds,
      `SELECT p.year AS k, p.programme_id AS programmeId, COUNT(*) AS n, SUM(p.hours) AS h
       FROM training_participation p ${indexHint(ds, 'ix_participation_year_programme')} WHERE p.year IN (${sqlMarks(years.length)}) GROUP BY p.year, p.programme_id`,
      years,
    ),
    programmesOf(ds, years),
  ]);
  const folded = fold(groups, programmes, sqlNumber);
  return new Map(years.map((y) => [y, folded.get(y) ?? NO_TRAINING]));
}

/**
 * Some schools' training figures of a year, by the school recorded on the participation:
 * participations grouped by school and programme in the order of ix_participation_year_school, then
 * the programmes' level and topic.
 */
export async function schoolTraining(ds: DataSource, year: number, schoolIds: readonly string[]): Promise<Map<string, TrainingFigures>> {
  if (!schoolIds.length) return new Map();
  const [groups, programmes] = await Promise.all([
    queryRows<ProgrammeGroup>(
      ds,
      `SELECT p.school_id AS k, p.programme_id AS programmeId, COUNT(*) AS n, SUM(p.hours) AS h
       FROM training_participation p ${indexHint(ds, 'ix_participation_year_school')} WHERE p.year = ? AND p.school_id IN (${sqlMarks(schoolIds.length)}) GROUP BY p.school_id, p.programme_id`,
      [year, ...schoolIds],
    ),
    programmesOf(ds, [year]),
  ]);
  return fold(groups, programmes, String);
}

/**
 * Every school's person-times and hours of a year, for ordering the comparison: one GROUP BY school
 * read in the order of ix_participation_year_school, without the programmes' levels and topics.
 */
export async function schoolTrainingTotals(ds: DataSource, year: number): Promise<Map<string, { personTimes: number; hours: number }>> {
  const found = await queryRows<{ schoolId: string; n: unknown; h: unknown }>(
    ds,
    `SELECT p.school_id AS schoolId, COUNT(*) AS n, SUM(p.hours) AS h FROM training_participation p ${indexHint(ds, 'ix_participation_year_school')} WHERE p.year = ? GROUP BY p.school_id`,
    [year],
  );
  return new Map(found.map((r) => [r.schoolId, { personTimes: sqlNumber(r.n), hours: sqlNumber(r.h) }]));
}

/**
 * Every school's 师德/思想政治 person-times and sessions of a year, for ordering the comparison: the
 * year's few such programmes first (ix_programme_topic_year), then only their participations
 * (ix_participation_year_programme), never the whole year's.
 */
export async function schoolEthicsTraining(ds: DataSource, year: number): Promise<Map<string, { personTimes: number; sessions: number }>> {
  const found = await queryRows<{ schoolId: string; n: unknown; programmes: unknown }>(
    ds,
    `SELECT p.school_id AS schoolId, COUNT(*) AS n, COUNT(DISTINCT p.programme_id) AS programmes
     FROM training_programme g JOIN training_participation p ON p.year = ? AND p.programme_id = g.id
     WHERE g.topic IN (${sqlMarks(ETHICS_TOPICS.length)}) AND g.year = ? GROUP BY p.school_id`,
    [year, ...ETHICS_TOPICS, year],
  );
  return new Map(found.map((r) => [r.schoolId, { personTimes: sqlNumber(r.n), sessions: sqlNumber(r.programmes) }]));
}
