import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyScope, recordScope } from '../access';
import { ethicsAssessmentPlan } from '../bulk/ethics-assessments.plan';
import { EthicsAssessment } from '../entities/ethics-assessment.entity';
import { TeacherRef } from '../entities/teacher-ref';
import { EthicsAssessmentFilter, EthicsAssessmentInput } from '../inputs/ethics.input';
import { GovernanceContext } from '../context';

export const EthicsAssessmentConnection = ConnectionType(EthicsAssessment, 'EthicsAssessment');

@Resolver(() => EthicsAssessment)
export class EthicsAssessmentResolver {
  @Query(() => EthicsAssessmentConnection, { description: '师德考核 records (DISTRICT_ADMIN; SCHOOL_ADMIN those written for their school; TEACHER their own)' })
  async ethicsAssessments(@Arg('filter', () => EthicsAssessmentFilter, { nullable: true }) filter: EthicsAssessmentFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const qb = applyScope(ctx.ds.getRepository(EthicsAssessment).createQueryBuilder('e'), recordScope(ctx, filter));
    if (filter?.year != null) qb.andWhere('e.year = :year', { year: filter.year });
    if (filter?.schoolId) qb.andWhere('e.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.teacherId) qb.andWhere('e.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.result) qb.andWhere('e.result = :result', { result: filter.result });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() e: EthicsAssessment): TeacherRef {
    return { id: e.teacherId };
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates 师德考核 by teacher + year (DISTRICT_ADMIN; SCHOOL_ADMIN for their school’s teachers). Recording 不合格 also changes that year’s ' +
      'appraisal, if any, to 不合格 (code APPRAISAL_FORCED on the row). Every write is audited.',
  })
  async upsertEthicsAssessments(
    @Arg('rows', () => [EthicsAssessmentInput]) rows: EthicsAssessmentInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'ethics-assessments', teachers: { directory: ctx.teachers, ids: (r) => [r.teacherId] } },
      (p, personnel) => ethicsAssessmentPlan(p, personnel, ctx.clock.now()),
    );
  }
}
