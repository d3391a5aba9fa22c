import { appendTo, compositeKey, valueLoader } from '@tw/kernel';
import { DataSource } from 'typeorm';
import { Designation } from './entities/designation.entity';
import { Lesson } from './entities/lesson.entity';
import { MentoringPair } from './entities/mentoring-pair.entity';
import { Studio } from './entities/studio.entity';
import { TrainingParticipation } from './entities/training-participation.entity';
import { validInYearSql } from './rules/designation-validity';

/** A school and a year: what per-school figures are asked for. */
export interface SchoolYear {
  readonly schoolId: string;
  readonly year: number;
}

export interface TrainingFigures {
  readonly personTimes: number;
  readonly hours: number;
  readonly teachers: number;
  readonly ethicsPoliticalPersonTimes: number;
}

export interface DesignationFigures {
  readonly designatedTeachers: number;
  readonly newDesignations: number;
}

const key = (k: SchoolYear) => compositeKey(k.schoolId, k.year);
const num = (v: string | number | null | undefined): number => Number(v ?? 0);

/**
 * Runs `query` once per year among `keys` for that year's schools, and keys its rows by school + year:
 * the statements a request makes depend on the years asked, never on the number of schools.
 */
async function perYear<R extends { schoolId: string }, V>(
  keys: readonly SchoolYear[],
  query: (year: number, schoolIds: string[]) => Promise<R[]>,
  value: (row: R) => V,
): Promise<Map<unknown, V>> {
  const years = new Map<number, string[]>();
  for (const k of keys) appendTo(years, k.year, k.schoolId);
  const out = new Map<unknown, V>();
  await Promise.all(
    [...years].map(async ([year, ids]) => {
      for (const r of await query(year, ids)) out.set(key({ schoolId: r.schoolId, year }), value(r));
    }),
  );
  return out;
}

/**
 * Per-school figures of a year, each a GROUP BY over the school id stored on the records (the
 * teacher's school when the record was written).
 */
export function schoolFigureLoaders(ds: DataSource) {
  return {
    schoolTraining: valueLoader<SchoolYear, TrainingFigures>(
      (keys) =>
        perYear(
          keys,
          (year, ids) =>
            ds
              .getRepository(TrainingParticipation)
              .createQueryBuilder('p')
              .innerJoin('training_programme', 'g', 'g.id = p.programme_id')
              .select('p.school_id', 'schoolId')
              .addSelect('COUNT(*)', 'n')
              .addSelect('SUM(p.hours)', 'hours')
              .addSelect('COUNT(DISTINCT p.teacher_id)', 'teachers')
              .addSelect("SUM(CASE WHEN g.topic IN ('ETHICS', 'POLITICAL') THEN 1 ELSE 0 END)", 'ethics')
              .where('p.school_id IN (:...ids)', { ids })
              .andWhere('p.year = :year', { year })
              .groupBy('p.school_id')
              .getRawMany<{ schoolId: string; n: string; hours: string; teachers: string; ethics: string }>(),
          (r) => ({ personTimes: num(r.n), hours: num(r.hours), teachers: num(r.teachers), ethicsPoliticalPersonTimes: num(r.ethics) }),
        ),
      { personTimes: 0, hours: 0, teachers: 0, ethicsPoliticalPersonTimes: 0 },
      key,
    ),
    schoolDesignations: valueLoader<SchoolYear, DesignationFigures>(
      (keys) =>
        perYear(
          keys,
          (year, ids) => {
            const [valid, params] = validInYearSql('d', year);
            return ds
              .getRepository(Designation)
              .createQueryBuilder('d')
              .select('d.school_id', 'schoolId')
              .addSelect(`COUNT(DISTINCT CASE WHEN ${valid} THEN d.teacher_id END)`, 'designated')
              .addSelect('SUM(CASE WHEN d.year = :year THEN 1 ELSE 0 END)', 'fresh')
              .where('d.school_id IN (:...ids)', { ids })
              .andWhere('d.year <= :year', { year })
              .setParameters(params)
              .groupBy('d.school_id')
              .getRawMany<{ schoolId: string; designated: string; fresh: string }>();
          },
          (r) => ({ designatedTeachers: num(r.designated), newDesignations: num(r.fresh) }),
        ),
      { designatedTeachers: 0, newDesignations: 0 },
      key,
    ),
    schoolStudios: valueLoader<SchoolYear, number>(
      (keys) =>
        perYear(
          keys,
          (year, ids) =>
            ds
              .getRepository(Studio)
              .createQueryBuilder('s')
              .select('s.host_school_id', 'schoolId')
              .addSelect('COUNT(*)', 'n')
              .where('s.host_school_id IN (:...ids)', { ids })
              .andWhere('s.founded_year <= :year', { year })
              .groupBy('s.host_school_id')
              .getRawMany<{ schoolId: string; n: string }>(),
          (r) => num(r.n),
        ),
      0,
      key,
    ),
    schoolLessons: valueLoader<SchoolYear, number>(
      (keys) =>
        perYear(
          keys,
          (year, ids) =>
            ds
              .getRepository(Lesson)
              .createQueryBuilder('l')
              .select('l.school_id', 'schoolId')
              .addSelect('COUNT(*)', 'n')
              .where('l.school_id IN (:...ids)', { ids })
              .andWhere('l.date >= :from AND l.date <= :to', { from: `${year}-01-01`, to: `${year}-12-31` })
              .groupBy('l.school_id')
              .getRawMany<{ schoolId: string; n: string }>(),
          (r) => num(r.n),
        ),
      0,
      key,
    ),
    schoolMentoring: valueLoader<SchoolYear, number>(
      (keys) =>
        perYear(
          keys,
          (year, ids) =>
            ds
              .getRepository(MentoringPair)
              .createQueryBuilder('m')
              .select('m.mentee_school_id', 'schoolId')
              .addSelect('COUNT(*)', 'n')
              .where('m.mentee_school_id IN (:...ids)', { ids })
              .andWhere('m.start_date <= :to AND (m.end_date IS NULL OR m.end_date >= :from)', { from: `${year}-01-01`, to: `${year}-12-31` })
              .groupBy('m.mentee_school_id')
              .getRawMany<{ schoolId: string; n: string }>(),
          (r) => num(r.n),
        ),
      0,
      key,
    ),
  };
}
