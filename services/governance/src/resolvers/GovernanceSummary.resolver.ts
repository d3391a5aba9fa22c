import { APPRAISAL_RESULT, ETHICS_RESULT, HONOR_LEVEL, MIN_GROUP_SIZE, PRINCIPAL_RANK, readsWholeDistrict, requireYear, Sanction, SANCTION, suppressSmallGroups, yearEnd, yearStart } from '@tw/kernel';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { aggregateScope } from '../access';
import { Appraisal } from '../entities/appraisal.entity';
import { Award } from '../entities/award.entity';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { PrincipalRank } from '../entities/principal-rank.entity';
import { Violation } from '../entities/violation.entity';
import { GovernanceContext } from '../context';
import { overlapsYear, sanctionPeriod } from '../rules/veto-rule';
import { GovernanceSummary } from '../types/summary.type';

type Grouped = Array<{ k: string | null; n: string | number }>;

/** Counts of `column` per value, every value of `values` listed in order (0 where none). */
function countsOf<V extends string | null>(values: readonly V[], rows: Grouped): Array<{ value: V; count: number }> {
  const byValue = new Map(rows.map((r) => [r.k, Number(r.n)]));
  return values.map((value) => ({ value, count: byValue.get(value) ?? 0 }));
}

/**
 * The small-group rule over one distribution of sensitive counts (ethics results, appraisal results,
 * violations by sanction): a count of 1–4 is withheld, and the next smallest with it, since the
 * others and the number assessed would give it back. Decided from the counts alone.
 */
function suppressed<V>(counts: Array<{ value: V; count: number }>, readerSeesAll: boolean): Array<{ value: V; count: number | null }> {
  const s = suppressSmallGroups(counts.map((c) => ({ key: String(c.value), size: c.count })), { withTotal: true, readerSeesAll });
  return counts.map((c) => ({ value: c.value, count: s.withheld.has(String(c.value)) || s.totalWithheld ? null : c.count }));
}

@Resolver(() => GovernanceSummary)
export class GovernanceSummaryResolver {
  @Query(() => GovernanceSummary, {
    description:
      'A year’s ethics, appraisal, violation, veto, award and principal-rank figures for the district or one school, counted by the school each record was ' +
      'written for (DISTRICT_ADMIN and ANALYST any school; SCHOOL_ADMIN their own)',
  })
  async governanceSummary(
    @Arg('year', () => Int) year: number,
    @Arg('schoolId', () => ID, { nullable: true }) schoolId: string | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<GovernanceSummary> {
    const scope = aggregateScope(ctx, schoolId);
    // the district's administrators, and a school's own admin for its own figures, may read each record counted
    const readerSeesAll = readsWholeDistrict(ctx.principal) || (ctx.principal?.role === 'SCHOOL_ADMIN' && scope.schoolId === ctx.principal.schoolId);
    requireYear(year);
    const ofSchool = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>) => (scope.schoolId ? qb.andWhere(`${qb.alias}.school_id = :school`, { school: scope.schoolId }) : qb);
    const grouped = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string) =>
      ofSchool(qb)
        .select(`${qb.alias}.${column}`, 'k')
        .addSelect('COUNT(*)', 'n')
        .groupBy(`${qb.alias}.${column}`)
        .getRawMany<{ k: string | null; n: string | number }>();
    const repo = <T extends ObjectLiteral>(t: new () => T) => ctx.ds.getRepository(t);
    const [ethics, appraisals, violations, failedEthics, sanctioned, awards, commended, ranks] = await Promise.all([
      grouped(repo(EthicsAssessment).createQueryBuilder('e').where('e.year = :year', { year }), 'result'),
      grouped(repo(Appraisal).createQueryBuilder('a').where('a.year = :year', { year }), 'result'),
      grouped(repo(Violation).createQueryBuilder('v').where('v.occurred_on BETWEEN :from AND :to', { from: yearStart(year), to: yearEnd(year) }), 'sanction'),
      ofSchool(repo(EthicsAssessment).createQueryBuilder('e').select('e.teacher_id', 'teacherId').where('e.year = :year AND e.result = :r', { year, r: 'INCOMPETENT' })).getRawMany<{ teacherId: string }>(),
      ofSchool(repo(Violation).createQueryBuilder('v').where('v.sanction IS NOT NULL AND v.occurred_on <= :to', { to: yearEnd(year) })).getMany(),
      grouped(repo(Award).createQueryBuilder('w').where('w.awarded_on BETWEEN :from AND :to', { from: yearStart(year), to: yearEnd(year) }), 'level'),
      ofSchool(repo(Award).createQueryBuilder('w').select('COUNT(DISTINCT w.teacher_id)', 'n').where('w.awarded_on BETWEEN :from AND :to', { from: yearStart(year), to: yearEnd(year) })).getRawOne<{
        n: string | number;
      }>(),
      grouped(repo(PrincipalRank).createQueryBuilder('r').where('r.year = :year', { year }), 'rank_level'),
    ]);
    const vetoed = new Set(failedEthics.map((r) => r.teacherId));
    for (const v of sanctioned) {
      const period = sanctionPeriod(v);
      if (period && overlapsYear(period, year)) vetoed.add(v.teacherId);
    }
    const awardsByLevel = countsOf(HONOR_LEVEL.values(), awards).map(({ value, count }) => ({ level: value, count }));
    const principalRanks = countsOf(PRINCIPAL_RANK.values(), ranks).map(({ value, count }) => ({ rank: value, count }));
    const ethicsResults = suppressed(countsOf(ETHICS_RESULT.values(), ethics), readerSeesAll).map(({ value, count }) => ({ result: value, count }));
    const appraisalResults = suppressed(countsOf(APPRAISAL_RESULT.values(), appraisals), readerSeesAll).map(({ value, count }) => ({ result: value, count }));
    const violationCounts = suppressed(countsOf<Sanction | null>([...SANCTION.values(), null], violations), readerSeesAll).map(({ value, count }) => ({ sanction: value, count }));
    const vetoedTeachers = !readerSeesAll && vetoed.size > 0 && vetoed.size < MIN_GROUP_SIZE ? null : vetoed.size;
    const anyWithheld = [...ethicsResults, ...appraisalResults, ...violationCounts].some((c) => c.count === null) || vetoedTeachers === null;
    return {
      year,
      schoolId: scope.schoolId,
      ethicsResults,
      appraisalResults,
      violations: violationCounts,
      vetoedTeachers,
      withheldReason: anyWithheld
        ? `counts of 1–${MIN_GROUP_SIZE - 1} teachers (and the next smallest count beside one) are withheld from readers who may not read each record: ethics, appraisal, violations and the veto are sensitive`
        : null,
      awards: awardsByLevel.reduce((s, l) => s + l.count, 0),
      awardsByLevel,
      teachersCommended: Number(commended?.n ?? 0),
      principalsCertified: principalRanks.reduce((s, r) => s + r.count, 0),
      principalRanks,
    };
  }
}
