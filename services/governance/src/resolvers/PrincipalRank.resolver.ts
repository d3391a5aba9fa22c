import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyScope, recordScope } from '../access';
import { principalRankPlan } from '../bulk/principal-ranks.plan';
import { PrincipalRank } from '../entities/principal-rank.entity';
import { SchoolRef } from '../entities/school-ref';
import { TeacherRef } from '../entities/teacher-ref';
import { PrincipalRankFilter, PrincipalRankInput } from '../inputs/principal-rank.input';
import { GovernanceContext } from '../context';

export const PrincipalRankConnection = ConnectionType(PrincipalRank, 'PrincipalRankCertification');

@Resolver(() => PrincipalRank)
export class PrincipalRankResolver {
  @Query(() => PrincipalRankConnection, { description: 'Principal rank certifications (DISTRICT_ADMIN; SCHOOL_ADMIN their school’s; TEACHER their own)' })
  async principalRanks(@Arg('filter', () => PrincipalRankFilter, { nullable: true }) filter: PrincipalRankFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const qb = applyScope(ctx.ds.getRepository(PrincipalRank).createQueryBuilder('r'), recordScope(ctx, filter));
    if (filter?.year != null) qb.andWhere('r.year = :year', { year: filter.year });
    if (filter?.schoolId) qb.andWhere('r.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.teacherId) qb.andWhere('r.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.rank) qb.andWhere('r.rank_level = :rank', { rank: filter.rank });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef, { description: 'The principal' })
  teacher(@Root() r: PrincipalRank): TeacherRef {
    return { id: r.teacherId };
  }

  @FieldResolver(() => SchoolRef)
  school(@Root() r: PrincipalRank): SchoolRef {
    return { id: r.schoolId };
  }

  @Mutation(() => BulkResult, { description: 'Creates or updates principal rank certifications by principal + 认定年度 (DISTRICT_ADMIN)' })
  async upsertPrincipalRanks(
    @Arg('rows', () => [PrincipalRankInput]) rows: PrincipalRankInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN'], plan: 'principal-ranks', teachers: { directory: ctx.teachers, ids: (r) => [r.teacherId] }, schools: { directory: ctx.schools, ids: (r) => [r.schoolId] } },
      (_, personnel) => principalRankPlan(personnel, ctx.clock.now()),
    );
  }
}
