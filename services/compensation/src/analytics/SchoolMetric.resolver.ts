import { requireReportReader, requireYear, SchoolMetricValue } from '@tw/kernel';
import { Arg, Ctx, Int, Query, registerEnumType, Resolver } from 'type-graphql';
import { CompensationContext } from '../context';
import { figuresFor } from '../resolvers/figures';

/** The school-report figures this service owns that the comparison can be ordered by (named as in SchoolReportMetric). */
export const CompensationSchoolMetric = {
  AVERAGE_TEACHER_PAY: 'AVERAGE_TEACHER_PAY',
  PAY_PARITY_RATIO: 'PAY_PARITY_RATIO',
  TALENT_PASSED: 'TALENT_PASSED',
  TALENT_SUBSIDY_TOTAL: 'TALENT_SUBSIDY_TOTAL',
} as const;
export type CompensationSchoolMetric = keyof typeof CompensationSchoolMetric;
registerEnumType(CompensationSchoolMetric, { name: 'CompensationSchoolMetric', description: 'A compensation figure of SchoolReport, by its SchoolReportMetric name' });

/** Fen as a number of yuan, for ordering only (the field itself answers the exact Yuan). */
const yuan = (fen: bigint | null): number | null => (fen === null ? null : Number(fen) / 100);

@Resolver()
export class SchoolMetricResolver {
  @Query(() => [SchoolMetricValue], {
    description:
      'One compensation figure of SchoolReport for every school with records of the year, as this reader may see it (withheld figures are null): what personnel orders the school comparison by. A SCHOOL_ADMIN gets their own school only.',
  })
  async compensationSchoolMetric(
    @Arg('year', () => Int) year: number,
    @Arg('metric', () => CompensationSchoolMetric) metric: CompensationSchoolMetric,
    @Ctx() ctx: CompensationContext,
  ): Promise<SchoolMetricValue[]> {
    const p = requireReportReader(ctx);
    requireYear(year);
    let values: Array<[string, number | null]>;
    if (metric === 'AVERAGE_TEACHER_PAY' || metric === 'PAY_PARITY_RATIO') {
      const table = await figuresFor(ctx.loaders.payTables, year);
      values = [...table.bySchool].map(([id, s]) => [id, metric === 'PAY_PARITY_RATIO' ? s.ratio : yuan(s.averageAnnualIncome)]);
    } else {
      const talent = await ctx.reports.schoolTalent.load(year);
      values = [...talent].map(([id, t]) => [id, metric === 'TALENT_PASSED' ? t.passed : yuan(t.subsidyTotal)]);
    }
    return SchoolMetricValue.visibleTo(p, values);
  }
}
