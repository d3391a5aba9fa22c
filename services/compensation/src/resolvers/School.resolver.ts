import { requirePrincipal } from '@tw/kernel';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { SchoolRef } from '../entities/school-ref';
import { emptySchoolPay } from '../figures/pay-parity';
import { SchoolPay } from '../figures/pay-parity.type';
import { emptySchoolPerformance } from '../figures/performance-pay';
import { SchoolPerformancePay } from '../figures/performance-pay.type';
import { CompensationContext } from '../context';
import { figuresFor } from './figures';

/** The per-school figures this subgraph adds to School: aggregates, under the small-group rule. */
@Resolver(() => SchoolRef)
export class SchoolResolver {
  @FieldResolver(() => SchoolPay, { description: "The school's serving teachers' average annual income for a year, and parity with the civil servants' (public schools)" })
  async pay(@Root() s: SchoolRef, @Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<SchoolPay> {
    requirePrincipal(ctx);
    const table = await figuresFor(ctx.loaders.payTables, year);
    return table.bySchool.get(s.id) ?? emptySchoolPay(s.id, year, table.parity.benchmark);
  }

  @FieldResolver(() => SchoolPerformancePay, { description: "The school's approved performance-pay total for a year against what was paid" })
  async performancePay(@Root() s: SchoolRef, @Arg('year', () => Int) year: number, @Ctx() ctx: CompensationContext): Promise<SchoolPerformancePay> {
    requirePrincipal(ctx);
    const table = await figuresFor(ctx.loaders.performanceTables, year);
    return table.bySchool.get(s.id) ?? emptySchoolPerformance(s.id, year);
  }
}
