import { compositeKey, listLoader, rowLoader, valueLoader } from '@tw/kernel';
import { DataSource, In } from 'typeorm';
import { Appraisal } from './entities/appraisal.entity';
import { Award } from './entities/award.entity';
import { EthicsAssessment } from './entities/ethics-assessment.entity';
import { InspectionEvent } from './entities/inspection-event.entity';
import { PrincipalRank } from './entities/principal-rank.entity';
import { SchoolReform } from './entities/school-reform.entity';
import { Violation } from './entities/violation.entity';

export type TeacherYear = { teacherId: string; year: number };
export type SchoolYear = { schoolId: string; year: number };
const teacherYearKey = (k: TeacherYear) => compositeKey(k.teacherId, k.year);
const schoolYearKey = (k: SchoolYear) => compositeKey(k.schoolId, k.year);
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The per-request loaders of the governance service: every lookup of rows goes through one. */
export function createLoaders(ds: DataSource) {
  return {
    ethics: rowLoader<TeacherYear, EthicsAssessment>(
      (keys) => ds.getRepository(EthicsAssessment).findBy({ teacherId: In(unique(keys.map((k) => k.teacherId))), year: In(unique(keys.map((k) => k.year))) }),
      (e) => ({ teacherId: e.teacherId, year: e.year }),
      teacherYearKey,
    ),
    /** every violation of a teacher, with its negative-list item joined in the same statement */
    violationsByTeacher: listLoader<string, Violation>(
      (ids) => ds.getRepository(Violation).find({ where: { teacherId: In([...ids]) }, relations: { negativeListItem: true }, order: { occurredOn: 'ASC' } }),
      (v) => v.teacherId,
    ),
    appraisal: rowLoader<TeacherYear, Appraisal>(
      (keys) => ds.getRepository(Appraisal).findBy({ teacherId: In(unique(keys.map((k) => k.teacherId))), year: In(unique(keys.map((k) => k.year))) }),
      (a) => ({ teacherId: a.teacherId, year: a.year }),
      teacherYearKey,
    ),
    awardsByTeacher: listLoader<string, Award>(
      (ids) => ds.getRepository(Award).find({ where: { teacherId: In([...ids]) }, order: { awardedOn: 'ASC', id: 'ASC' } }),
      (a) => a.teacherId,
    ),
    principalRanksByTeacher: listLoader<string, PrincipalRank>(
      (ids) => ds.getRepository(PrincipalRank).find({ where: { teacherId: In([...ids]) }, order: { year: 'ASC' } }),
      (r) => r.teacherId,
    ),
    reformBySchool: rowLoader<string, SchoolReform>((ids) => ds.getRepository(SchoolReform).findBy({ schoolId: In([...ids]) }), (r) => r.schoolId),
    /** inspections held at a school in a year */
    inspectionCount: valueLoader<SchoolYear, number>(
      async (keys) => {
        const rows = await ds
          .getRepository(InspectionEvent)
          .createQueryBuilder('e')
          .select('e.school_id', 'schoolId')
          .addSelect('e.year', 'year')
          .addSelect('COUNT(*)', 'n')
          .where('e.school_id IN (:...ids)', { ids: unique(keys.map((k) => k.schoolId)) })
          .andWhere('e.year IN (:...years)', { years: unique(keys.map((k) => k.year)) })
          .groupBy('e.school_id')
          .addGroupBy('e.year')
          .getRawMany<{ schoolId: string; year: string | number; n: string | number }>();
        return new Map(rows.map((r) => [schoolYearKey({ schoolId: r.schoolId, year: Number(r.year) }), Number(r.n)]));
      },
      0,
      schoolYearKey,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
