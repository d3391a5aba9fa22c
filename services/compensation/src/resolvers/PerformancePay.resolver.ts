import { BulkOptions, BulkResult, requirePrincipal, runRemoteBulk } from '@tw/kernel';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { allocationPlan } from '../bulk/allocations.plan';
import { PerformancePaySummary } from '../figures/performance-pay.type';
import { PerformancePayAllocationInput } from '../inputs/allocation.input';
import { CompensationContext } from '../context';
import { figuresFor } from './figures';

@Resolver()
export class PerformancePayResolver {
  @Query(() => PerformancePaySummary, {
    description:
      'Approved performance-pay totals (核定绩效工资总量) against what was paid, for a year, district-wide and per public school (any signed-in role; paid totals over fewer than 5 teachers withheld, the same for every reader but DISTRICT_ADMIN)',
  })
  async performancePay(@Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<PerformancePaySummary> {
    requirePrincipal(ctx);
    return (await figuresFor(ctx.loaders.performanceTables, year)).summary;
  }

  @Mutation(() => BulkResult, { description: 'Sets approved performance-pay totals by school + year (DISTRICT_ADMIN). Refused rows: a school personnel does not know, a private school.' })
  async upsertPerformancePayAllocations(
    @Arg('rows', () => [PerformancePayAllocationInput]) rows: PerformancePayAllocationInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: CompensationContext,
  ): Promise<BulkResult> {
    return runRemoteBulk(
      ctx,
      rows,
      options,
      { roles: ['DISTRICT_ADMIN'], plan: 'allocations', schools: { directory: ctx.schools, ids: (r) => [r.schoolId] } },
      (_, personnel) => allocationPlan(personnel, ctx.clock.now()),
    );
  }
}
