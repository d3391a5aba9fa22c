import { BulkOptions, BulkResult, ConnectionType, graphqlEnum, PageArgs, paginate, REFORM_STATUS, requirePrincipal, requireYear, runRemoteBulk, todayInChina, yearEnd } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { schoolReformPlan } from '../bulk/school-reforms.plan';
import { SchoolRef } from '../entities/school-ref';
import { ReformStatus, SchoolReform } from '../entities/school-reform.entity';
import { SchoolReformInput } from '../inputs/school-reform.input';
import { GovernanceContext } from '../context';
import { reformCounts } from '../rules/reform';
import { ReformProgress } from '../types/reform-progress.type';

export const SchoolReformConnection = ConnectionType(SchoolReform, 'SchoolReform');

/** The governance reform is not personal data: every signed-in role reads it. */
@Resolver(() => SchoolReform)
export class SchoolReformResolver {
  @Query(() => SchoolReformConnection, { description: 'Schools’ reform records, by status now' })
  async schoolReforms(@Arg('status', () => graphqlEnum(REFORM_STATUS), { nullable: true }) status: ReformStatus | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    requirePrincipal(ctx);
    const qb = ctx.ds.getRepository(SchoolReform).createQueryBuilder('r');
    if (status) qb.andWhere('r.status = :status', { status });
    return paginate(qb, page);
  }

  @Query(() => ReformProgress, { description: 'Rollout of 党组织领导的校长负责制 across the district: at the end of `year` (today when absent or the current year)' })
  async reformProgress(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: GovernanceContext): Promise<ReformProgress> {
    requirePrincipal(ctx);
    const today = todayInChina(ctx.clock);
    const asOf = year == null ? today : [yearEnd(requireYear(year)), today].sort()[0];
    const [records, total] = await Promise.all([ctx.ds.getRepository(SchoolReform).find({ select: { pilotStartedOn: true, completedOn: true } }), ctx.schools.count()]);
    return reformCounts(records, total, asOf);
  }

  @FieldResolver(() => SchoolRef)
  school(@Root() r: SchoolReform): SchoolRef {
    return { id: r.schoolId };
  }

  @Mutation(() => BulkResult, { description: 'Sets schools’ reform state by school (DISTRICT_ADMIN); the school must be one personnel knows' })
  async upsertSchoolReforms(
    @Arg('rows', () => [SchoolReformInput]) rows: SchoolReformInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN'], plan: 'school-reforms', schools: { directory: ctx.schools, ids: (r) => [r.schoolId] } },
      (_, personnel) => schoolReformPlan(personnel, ctx.clock.now()),
    );
  }
}
