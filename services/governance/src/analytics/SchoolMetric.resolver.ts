import { REFORM_STATUS, requireReportReader, requireYear, SchoolMetricValue, todayInChina } from '@tw/kernel';
import { Arg, Ctx, Int, Query, registerEnumType, Resolver } from 'type-graphql';
import { GovernanceContext } from '../context';
import { reduction } from '../resolvers/Inspection.resolver';
import { SchoolGovernance, schoolGovernance } from './governance-figures';

/** The school-report figures this service owns that the comparison can be ordered by (named as in SchoolReportMetric). */
export const GovernanceSchoolMetric = {
  PRINCIPALS_CERTIFIED: 'PRINCIPALS_CERTIFIED',
  TEACHERS_COMMENDED: 'TEACHERS_COMMENDED',
  INSPECTIONS: 'INSPECTIONS',
  INSPECTIONS_PREVIOUS_YEAR: 'INSPECTIONS_PREVIOUS_YEAR',
  INSPECTION_REDUCTION: 'INSPECTION_REDUCTION',
  REFORM_STATUS: 'REFORM_STATUS',
  ETHICS_VETOED_TEACHERS: 'ETHICS_VETOED_TEACHERS',
} as const;
export type GovernanceSchoolMetric = keyof typeof GovernanceSchoolMetric;
registerEnumType(GovernanceSchoolMetric, { name: 'GovernanceSchoolMetric', description: 'A governance figure of SchoolReport, by its SchoolReportMetric name' });

/** A figure of a school as a number to order by: the reform status by its rank (未启动 0, 试点 1, 已完成 2). */
function valueOf(metric: GovernanceSchoolMetric, g: SchoolGovernance): number | null {
  switch (metric) {
    case 'PRINCIPALS_CERTIFIED':
      return g.principalsCertified;
    case 'TEACHERS_COMMENDED':
      return g.teachersCommended;
    case 'INSPECTIONS':
      return g.inspections;
    case 'INSPECTIONS_PREVIOUS_YEAR':
      return g.inspectionsPreviousYear;
    case 'INSPECTION_REDUCTION':
      return reduction(g.inspections, g.inspectionsPreviousYear);
    case 'REFORM_STATUS':
      return REFORM_STATUS.values().indexOf(g.reformStatus);
    case 'ETHICS_VETOED_TEACHERS':
      return g.vetoedTeachers;
  }
}

@Resolver()
export class SchoolMetricResolver {
  @Query(() => [SchoolMetricValue], {
    description:
      'One governance figure of SchoolReport for every school with records of the year (the others stand at 0 or, for the reduction, null): what personnel orders the school comparison by. A SCHOOL_ADMIN gets their own school only.',
  })
  async governanceSchoolMetric(
    @Arg('year', () => Int) year: number,
    @Arg('metric', () => GovernanceSchoolMetric) metric: GovernanceSchoolMetric,
    @Ctx() ctx: GovernanceContext,
  ): Promise<SchoolMetricValue[]> {
    const p = requireReportReader(ctx);
    const figures = await schoolGovernance(ctx.ds, requireYear(year), null, todayInChina(ctx.clock));
    return SchoolMetricValue.visibleTo(p, [...figures].map(([schoolId, g]) => [schoolId, valueOf(metric, g)] as const));
  }
}
