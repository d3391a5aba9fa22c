import { compositeKey, listLoader, queryRows, rowLoader, sqlMarks, valueLoader, versionsOn, yearEnd } from '@tw/kernel';
import { DataSource, In } from 'typeorm';
import { Appraisal } from './entities/appraisal.entity';
import { Award } from './entities/award.entity';
import { EthicsAssessment } from './entities/ethics-assessment.entity';
import { InspectionEvent } from './entities/inspection-event.entity';
import { PrincipalRank } from './entities/principal-rank.entity';
import { SchoolReform } from './entities/school-reform.entity';
import { Violation } from './entities/violation.entity';
import type { EthicsResult, ViolationFacts } from './rules/veto-rule';

export type TeacherYear = { teacherId: string; year: number };
export type SchoolYear = { schoolId: string; year: number };
const teacherYearKey = (k: TeacherYear) => compositeKey(k.teacherId, k.year);
const schoolYearKey = (k: SchoolYear) => compositeKey(k.schoolId, k.year);
const unique = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** The per-request loaders of the governance service: every lookup of rows goes through one. */
export function createLoaders(ds: DataSource) {
  const day = (v: unknown): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
  return {
    /**
     * What a teacher's eligibility for a year rests on, as it was recorded on the year's last day (the
     * veto looks at the whole year, whatever its statistics day): the versions of the year's ethics
     * assessment and of the teacher's violations, one statement each for every teacher and year asked.
     */
    vetoFactsOn: valueLoader<TeacherYear, { ethics: EthicsResult | null; violations: ViolationFacts[] }>(
      async (keys) => {
        const years = unique(keys.map((k) => k.year));
        const ids = unique(keys.map((k) => k.teacherId));
        const lastDays = years.map((year) => ({ year, day: yearEnd(year) }));
        const e = versionsOn('ethics_assessment', lastDays, { yearOf: 'year' });
        const v = versionsOn('violation', lastDays);
        const [ethics, violations] = await Promise.all([
          queryRows<{ teacherId: string; year: unknown; result: EthicsResult }>(ds, `SELECT e.teacher_id AS teacherId, e.year AS year, e.result AS result FROM ${e.sql} e WHERE e.teacher_id IN (${sqlMarks(ids.length)})`, [...e.params, ...ids]),
          queryRows<{ teacherId: string; year: unknown; occurredOn: unknown; sanction: Violation['sanction']; revokedOn: unknown; code: string | null; title: string | null }>(
            ds,
            `SELECT v.teacher_id AS teacherId, v.as_of_year AS year, v.occurred_on AS occurredOn, v.sanction AS sanction, v.revoked_on AS revokedOn, n.code AS code, n.title AS title
             FROM ${v.sql} v LEFT JOIN negative_list_item n ON n.id = v.negative_list_item_id WHERE v.teacher_id IN (${sqlMarks(ids.length)}) ORDER BY v.occurred_on`,
            [...v.params, ...ids],
          ),
        ]);
        const out = new Map<unknown, { ethics: EthicsResult | null; violations: ViolationFacts[] }>();
        const of = (teacherId: string, year: number) => {
          const k = compositeKey(teacherId, year);
          return out.get(k) ?? out.set(k, { ethics: null, violations: [] }).get(k)!;
        };
        for (const r of ethics) of(r.teacherId, Number(r.year)).ethics = r.result;
        for (const r of violations) {
          of(r.teacherId, Number(r.year)).violations.push({ occurredOn: day(r.occurredOn)!, sanction: r.sanction, revokedOn: day(r.revokedOn), item: r.code !== null ? { code: r.code, title: r.title ?? '' } : null });
        }
        return out;
      },
      { ethics: null, violations: [] },
      teacherYearKey,
    ),
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
