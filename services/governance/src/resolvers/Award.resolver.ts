import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, runRemoteBulk, yearEnd, yearStart } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyScope, recordScope } from '../access';
import { awardPlan } from '../bulk/awards.plan';
import { Award } from '../entities/award.entity';
import { TeacherRef } from '../entities/teacher-ref';
import { AwardFilter, AwardInput } from '../inputs/award.input';
import { GovernanceContext } from '../context';

export const AwardConnection = ConnectionType(Award, 'Award');

@Resolver(() => Award)
export class AwardResolver {
  @Query(() => AwardConnection, { description: 'Awards (DISTRICT_ADMIN; SCHOOL_ADMIN those written for their school; TEACHER their own)' })
  async awards(@Arg('filter', () => AwardFilter, { nullable: true }) filter: AwardFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const qb = applyScope(ctx.ds.getRepository(Award).createQueryBuilder('a'), recordScope(ctx, filter));
    if (filter?.year != null) qb.andWhere('a.awarded_on BETWEEN :from AND :to', { from: yearStart(filter.year), to: yearEnd(filter.year) });
    if (filter?.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.level) qb.andWhere('a.level = :level', { level: filter.level });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() a: Award): TeacherRef {
    return { id: a.teacherId };
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates awards by teacher + 荣誉称号 + 荣誉发生日期 (DISTRICT_ADMIN; SCHOOL_ADMIN for their school’s teachers). An award for a teacher vetoed ' +
      'in the year of its date is refused (VETOED, with the reasons). Every write is audited.',
  })
  async upsertAwards(
    @Arg('rows', () => [AwardInput]) rows: AwardInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'awards', teachers: { directory: ctx.teachers, ids: (r) => [r.teacherId] } },
      (p, personnel) => awardPlan(p, personnel, ctx.clock.now()),
    );
  }
}
