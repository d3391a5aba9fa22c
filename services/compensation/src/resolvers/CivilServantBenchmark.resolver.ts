import { badInput, BulkOptions, BulkResult, requirePrincipal, requireRole, RowStatus, runBulk } from '@tw/kernel';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { benchmarkPlan } from '../bulk/benchmarks.plan';
import { CivilServantBenchmark } from '../entities/civil-servant-benchmark.entity';
import { CivilServantBenchmarkInput } from '../inputs/benchmark.input';
import { CompensationContext } from '../context';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

/** The civil servants' average pay is public information: every signed-in role reads it. */
@Resolver(() => CivilServantBenchmark)
export class CivilServantBenchmarkResolver {
  @Query(() => [CivilServantBenchmark], { description: "The civil servants' average annual pay of every year entered, latest first" })
  async civilServantBenchmarks(@Ctx() ctx: CompensationContext): Promise<CivilServantBenchmark[]> {
    requirePrincipal(ctx);
    return ctx.ds.getRepository(CivilServantBenchmark).find({ order: { year: 'DESC' } });
  }

  @Mutation(() => BulkResult, { description: "Sets the civil servants' average annual pay by year, for an importer (DISTRICT_ADMIN)" })
  async upsertCivilServantBenchmarks(
    @Arg('rows', () => [CivilServantBenchmarkInput]) rows: CivilServantBenchmarkInput[],
    @Arg('options', () => BulkOptions, { nullable: true }) options: BulkOptions | null,
    @Ctx() ctx: CompensationContext,
  ): Promise<BulkResult> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    return runBulk(ctx.ds, rows, options ?? new BulkOptions(), benchmarkPlan(p, ctx.clock.now()), p, ctx.clock);
  }

  @Mutation(() => CivilServantBenchmark, { description: "Sets the civil servants' average annual pay of one finished year (DISTRICT_ADMIN)" })
  async setCivilServantBenchmark(
    @Arg('year', () => Int) year: number,
    @Arg('averageAnnualPay', () => Yuan) averageAnnualPay: Fen,
    @Ctx() ctx: CompensationContext,
  ): Promise<CivilServantBenchmark> {
    const p = requireRole(ctx, 'DISTRICT_ADMIN');
    const r = await runBulk(ctx.ds, [{ year, averageAnnualPay }], new BulkOptions(), benchmarkPlan(p, ctx.clock.now()), p, ctx.clock);
    const row = r.rows[0];
    if (row.status === RowStatus.REJECTED) throw badInput(row.message ?? 'refused', { reason: row.code, field: row.field });
    return (await ctx.ds.getRepository(CivilServantBenchmark).findOneBy({ year }))!;
  }
}
