import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyScope, recordScope } from '../access';
import { appraisalPlan } from '../bulk/appraisals.plan';
import { Appraisal } from '../entities/appraisal.entity';
import { TeacherRef } from '../entities/teacher-ref';
import { AppraisalFilter, AppraisalInput } from '../inputs/appraisal.input';
import { GovernanceContext } from '../context';

export const AppraisalConnection = ConnectionType(Appraisal, 'Appraisal');

@Resolver(() => Appraisal)
export class AppraisalResolver {
  @Query(() => AppraisalConnection, { description: '年度考核 records (DISTRICT_ADMIN; SCHOOL_ADMIN those written for their school; TEACHER their own)' })
  async appraisals(@Arg('filter', () => AppraisalFilter, { nullable: true }) filter: AppraisalFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const qb = applyScope(ctx.ds.getRepository(Appraisal).createQueryBuilder('a'), recordScope(ctx, filter));
    if (filter?.year != null) qb.andWhere('a.year = :year', { year: filter.year });
    if (filter?.schoolId) qb.andWhere('a.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.teacherId) qb.andWhere('a.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.result) qb.andWhere('a.result = :result', { result: filter.result });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() a: Appraisal): TeacherRef {
    return { id: a.teacherId };
  }

  @FieldResolver({ description: 'Whether the year’s ethics result of 不合格 forced the result to 不合格 (requestedResult holds what was submitted)' })
  forcedByEthics(@Root() a: Appraisal): boolean {
    return a.requestedResult !== null;
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates 年度考核 by teacher + year (DISTRICT_ADMIN; SCHOOL_ADMIN for their school’s teachers). 优秀 for a teacher vetoed that year is refused ' +
      '(VETOED, with the reasons); with an ethics result of 不合格 for the year any other result is written as 不合格 (FORCED_BY_ETHICS on the row). Every write is audited.',
  })
  async upsertAppraisals(
    @Arg('rows', () => [AppraisalInput]) rows: AppraisalInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'appraisals', teachers: { directory: ctx.teachers, ids: (r) => [r.teacherId] } },
      (p, personnel) => appraisalPlan(p, personnel, ctx.clock.now()),
    );
  }
}
