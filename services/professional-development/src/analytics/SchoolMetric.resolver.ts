import { requireReportReader, requireYear, SchoolMetricValue, sinceYearOf } from '@tw/kernel';
import { Arg, Ctx, Int, Query, registerEnumType, Resolver } from 'type-graphql';
import { DevelopmentContext } from '../context';
import { NO_DESIGNATED, schoolNewDesignations } from './designation-figures';
import { schoolLessons, schoolStudios } from './studio-lesson-figures';
import { schoolEthicsTraining, schoolTrainingTotals } from './training-figures';

/** The school-report figures this service owns that the comparison can be ordered by (named as in SchoolReportMetric). */
export const DevelopmentSchoolMetric = {
  TRAINING_PERSON_TIMES: 'TRAINING_PERSON_TIMES',
  TRAINING_HOURS: 'TRAINING_HOURS',
  ETHICS_TRAINING_PERSON_TIMES: 'ETHICS_TRAINING_PERSON_TIMES',
  ETHICS_TRAINING_SESSIONS: 'ETHICS_TRAINING_SESSIONS',
  NEW_DESIGNATIONS: 'NEW_DESIGNATIONS',
  DESIGNATED_TEACHER_COUNT: 'DESIGNATED_TEACHER_COUNT',
  BACKBONE_TEACHER_COUNT: 'BACKBONE_TEACHER_COUNT',
  BACKBONE_PARTY_MEMBERS: 'BACKBONE_PARTY_MEMBERS',
  BACKBONE_NOT_PARTY_MEMBER: 'BACKBONE_NOT_PARTY_MEMBER',
  STUDIO_COUNT: 'STUDIO_COUNT',
  DEMONSTRATION_LESSONS: 'DEMONSTRATION_LESSONS',
} as const;
export type DevelopmentSchoolMetric = keyof typeof DevelopmentSchoolMetric;
registerEnumType(DevelopmentSchoolMetric, { name: 'DevelopmentSchoolMetric', description: 'A professional-development figure of SchoolReport, by its SchoolReportMetric name' });

@Resolver()
export class SchoolMetricResolver {
  @Query(() => [SchoolMetricValue], {
    description:
      'One figure of SchoolReport for every school that has records of it (the others stand at 0): what personnel orders the school comparison by. A SCHOOL_ADMIN gets their own school only.',
  })
  async developmentSchoolMetric(
    @Arg('year', () => Int) year: number,
    @Arg('sinceYear', () => Int, { nullable: true }) sinceYear: number | null,
    @Arg('metric', () => DevelopmentSchoolMetric) metric: DevelopmentSchoolMetric,
    @Ctx() ctx: DevelopmentContext,
  ): Promise<SchoolMetricValue[]> {
    const reader = requireReportReader(ctx);
    const since = sinceYearOf(requireYear(year), sinceYear);
    return SchoolMetricValue.visibleTo(reader, await this.values(ctx, metric, year, since));
  }

  private async values(ctx: DevelopmentContext, metric: DevelopmentSchoolMetric, year: number, since: number): Promise<Map<string, number>> {
    const pick = <V>(m: ReadonlyMap<string, V>, f: (v: V) => number) => new Map([...m].map(([id, v]) => [id, f(v)]));
    switch (metric) {
      // each order reads only what it orders by (the figures of the rows shown come from SchoolReport)
      case 'TRAINING_PERSON_TIMES':
        return pick(await schoolTrainingTotals(ctx.ds, year), (f) => f.personTimes);
      case 'TRAINING_HOURS':
        return pick(await schoolTrainingTotals(ctx.ds, year), (f) => f.hours);
      case 'ETHICS_TRAINING_PERSON_TIMES':
        return pick(await schoolEthicsTraining(ctx.ds, year), (f) => f.personTimes);
      case 'ETHICS_TRAINING_SESSIONS':
        return pick(await schoolEthicsTraining(ctx.ds, year), (f) => f.sessions);
      case 'NEW_DESIGNATIONS':
        return schoolNewDesignations(ctx.ds, since, year, null);
      case 'STUDIO_COUNT':
        return pick(await schoolStudios(ctx.ds, year, null), (c) => c.reduce((s, x) => s + x.count, 0));
      case 'DEMONSTRATION_LESSONS':
        return schoolLessons(ctx.ds, year, null);
      default: {
        const designated = await ctx.reports.allSchoolsDesignated(year);
        const f = (d: typeof NO_DESIGNATED) =>
          metric === 'DESIGNATED_TEACHER_COUNT' ? d.designatedPublic
          : metric === 'BACKBONE_TEACHER_COUNT' ? d.backbone
          : metric === 'BACKBONE_PARTY_MEMBERS' ? d.backboneParty
          : d.backbone - d.backboneParty;
        return pick(designated, f);
      }
    }
  }
}
