import { BulkOptions, BulkResult, ConnectionType, PageArgs, paginate, runRemoteBulk } from '@tw/kernel';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { applyScope, recordScope } from '../access';
import { violationPlan } from '../bulk/violations.plan';
import { TeacherRef } from '../entities/teacher-ref';
import { Violation } from '../entities/violation.entity';
import { ViolationFilter, ViolationInput } from '../inputs/violation.input';
import { GovernanceContext } from '../context';
import { sanctionPeriod } from '../rules/veto-rule';
import { SanctionPeriodType } from '../types/sanction-period.type';

export const ViolationConnection = ConnectionType(Violation, 'Violation');

@Resolver(() => Violation)
export class ViolationResolver {
  @Query(() => ViolationConnection, { description: 'Violations and sanctions (DISTRICT_ADMIN; SCHOOL_ADMIN those written for their school; TEACHER their own)' })
  async violations(@Arg('filter', () => ViolationFilter, { nullable: true }) filter: ViolationFilter | null, @Args() page: PageArgs, @Ctx() ctx: GovernanceContext) {
    const qb = applyScope(ctx.ds.getRepository(Violation).createQueryBuilder('v'), recordScope(ctx, filter)).leftJoinAndSelect('v.negativeListItem', 'item');
    if (filter?.schoolId) qb.andWhere('v.school_id = :schoolId', { schoolId: filter.schoolId });
    if (filter?.teacherId) qb.andWhere('v.teacher_id = :teacherId', { teacherId: filter.teacherId });
    if (filter?.from) qb.andWhere('v.occurred_on >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('v.occurred_on <= :to', { to: filter.to });
    if (filter?.sanction) qb.andWhere('v.sanction = :sanction', { sanction: filter.sanction });
    return paginate(qb, page);
  }

  @FieldResolver(() => TeacherRef)
  teacher(@Root() v: Violation): TeacherRef {
    return { id: v.teacherId };
  }

  @FieldResolver(() => SanctionPeriodType, { nullable: true, description: 'The days the sanction bars the teacher; null without a sanction, or when revoked on its own date' })
  period(@Root() v: Violation): SanctionPeriodType | null {
    return sanctionPeriod(v);
  }

  @Mutation(() => BulkResult, {
    description:
      'Creates or updates violations by teacher + 处分发生日期 (DISTRICT_ADMIN; SCHOOL_ADMIN for their school’s teachers). A sanction covering a year in which ' +
      'the teacher has an 优秀 appraisal or an award is written with code VETO_CONFLICT on the row. Every write is audited.',
  })
  async upsertViolations(
    @Arg('rows', () => [ViolationInput]) rows: ViolationInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: GovernanceContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN', 'SCHOOL_ADMIN'], plan: 'violations', teachers: { directory: ctx.teachers, ids: (r) => [r.teacherId] } },
      (p, personnel) => violationPlan(p, personnel),
    );
  }
}
