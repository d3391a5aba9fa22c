import { appendTo, compositeKey, listLoader, rowLoader, valueLoader } from '@tw/kernel';
import { DataSource, In } from 'typeorm';
import { Designation } from './entities/designation.entity';
import { Lesson } from './entities/lesson.entity';
import { MentoringPair } from './entities/mentoring-pair.entity';
import { Studio } from './entities/studio.entity';
import { StudioMember } from './entities/studio-member.entity';
import { TrainingParticipation } from './entities/training-participation.entity';
import { TrainingProgramme } from './entities/training-programme.entity';
import { schoolFigureLoaders } from './school-figures';

/** Per teacher and year: the 学时 earned and the participations (人次). */
export interface TrainingTotals {
  readonly hours: number;
  readonly personTimes: number;
}

/** A teacher's training totals by year. */
export type TrainingTotalsByYear = ReadonlyMap<number, TrainingTotals>;

const num = (v: string | number | null | undefined): number => Number(v ?? 0);

/** The per-request loaders of the professional-development service: every lookup of rows goes through one. */
export function createLoaders(ds: DataSource) {
  return {
    programme: rowLoader<string, TrainingProgramme>((ids) => ds.getRepository(TrainingProgramme).findBy({ id: In([...ids]) }), (p) => p.id),
    studio: rowLoader<string, Studio>((ids) => ds.getRepository(Studio).findBy({ id: In([...ids]) }), (s) => s.id),

    /** participations of each teacher, latest year first */
    participationsByTeacher: listLoader<string, TrainingParticipation>(
      (ids) => ds.getRepository(TrainingParticipation).find({ where: { teacherId: In([...ids]) }, order: { year: 'DESC', id: 'ASC' } }),
      (p) => p.teacherId,
    ),
    /** hours and person-times of each teacher, by year, summed in SQL */
    trainingTotals: valueLoader<string, TrainingTotalsByYear>(async (ids) => {
      const rows = await ds
        .getRepository(TrainingParticipation)
        .createQueryBuilder('p')
        .select('p.teacher_id', 'teacherId')
        .addSelect('p.year', 'year')
        .addSelect('SUM(p.hours)', 'hours')
        .addSelect('COUNT(*)', 'n')
        .where('p.teacher_id IN (:...ids)', { ids: [...ids] })
        .groupBy('p.teacher_id')
        .addGroupBy('p.year')
        .getRawMany<{ teacherId: string; year: number | string; hours: string | number; n: string | number }>();
      const out = new Map<string, Map<number, TrainingTotals>>();
      for (const r of rows) {
        const byYear = out.get(r.teacherId) ?? new Map<number, TrainingTotals>();
        byYear.set(num(r.year), { hours: num(r.hours), personTimes: num(r.n) });
        out.set(r.teacherId, byYear);
      }
      return out;
    }, new Map()),
    /** person-times and hours of each programme (a teacher takes part in a programme once) */
    programmeTotals: valueLoader<string, { personTimes: number; hours: number }>(
      async (ids) => {
        const rows = await ds
          .getRepository(TrainingParticipation)
          .createQueryBuilder('p')
          .select('p.programme_id', 'programmeId')
          .addSelect('COUNT(*)', 'n')
          .addSelect('SUM(p.hours)', 'hours')
          .where('p.programme_id IN (:...ids)', { ids: [...ids] })
          .groupBy('p.programme_id')
          .getRawMany<{ programmeId: string; n: string | number; hours: string | number }>();
        return new Map(rows.map((r) => [r.programmeId, { personTimes: num(r.n), hours: num(r.hours) }]));
      },
      { personTimes: 0, hours: 0 },
    ),

    /** designations of each teacher, latest first */
    designationsByTeacher: listLoader<string, Designation>(
      (ids) => ds.getRepository(Designation).find({ where: { teacherId: In([...ids]) }, order: { year: 'DESC', id: 'ASC' } }),
      (d) => d.teacherId,
    ),

    /** ids of the studios each teacher hosts or is a member of */
    studioIdsByTeacher: listLoader<string, { teacherId: string; studioId: string }>(async (ids) => {
      const [hosted, memberships] = await Promise.all([
        ds.getRepository(Studio).find({ select: { id: true, hostTeacherId: true }, where: { hostTeacherId: In([...ids]) } }),
        ds.getRepository(StudioMember).find({ select: { studioId: true, teacherId: true }, where: { teacherId: In([...ids]) } }),
      ]);
      return [...hosted.map((s) => ({ teacherId: s.hostTeacherId, studioId: s.id })), ...memberships.map((m) => ({ teacherId: m.teacherId, studioId: m.studioId }))];
    }, (r) => r.teacherId),
    /** members of each studio */
    membersByStudio: listLoader<string, StudioMember>(
      (ids) => ds.getRepository(StudioMember).find({ where: { studioId: In([...ids]) }, order: { id: 'ASC' } }),
      (m) => m.studioId,
    ),
    /** lessons (课次) of each studio in a year */
    studioLessons: valueLoader<{ studioId: string; year: number }, number>(
      async (keys) => {
        const out = new Map<unknown, number>();
        for (const [year, ks] of byYear(keys)) {
          const rows = await ds
            .getRepository(Lesson)
            .createQueryBuilder('l')
            .select('l.studio_id', 'studioId')
            .addSelect('COUNT(*)', 'n')
            .where('l.studio_id IN (:...ids)', { ids: ks.map((k) => k.studioId) })
            .andWhere('l.date >= :from AND l.date <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
            .groupBy('l.studio_id')
            .getRawMany<{ studioId: string; n: string | number }>();
          for (const r of rows) out.set(compositeKey(r.studioId, year), num(r.n));
        }
        return out;
      },
      0,
      (k) => compositeKey(k.studioId, k.year),
    ),

    /** pairs in which each teacher is the mentee, latest start first */
    pairsByMentee: listLoader<string, MentoringPair>(
      (ids) => ds.getRepository(MentoringPair).find({ where: { menteeId: In([...ids]) }, order: { startDate: 'DESC', id: 'ASC' } }),
      (p) => p.menteeId,
    ),
    /** pairs in which each teacher is the mentor, latest start first */
    pairsByMentor: listLoader<string, MentoringPair>(
      (ids) => ds.getRepository(MentoringPair).find({ where: { mentorId: In([...ids]) }, order: { startDate: 'DESC', id: 'ASC' } }),
      (p) => p.mentorId,
    ),

    ...schoolFigureLoaders(ds),
  };
}

/** Groups keys that carry a year by that year (one statement per year asked, however many keys). */
export function byYear<K extends { year: number }>(keys: readonly K[]): Map<number, K[]> {
  const out = new Map<number, K[]>();
  for (const k of keys) appendTo(out, k.year, k);
  return out;
}

export type Loaders = ReturnType<typeof createLoaders>;
