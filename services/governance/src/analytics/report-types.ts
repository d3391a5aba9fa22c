import { DISTRICT_REPORT_KEY, DistrictReportKey, FigureRow, REFORM_STATUS, SCHOOL_REPORT_KEY, SchoolReportKey } from '@tw/kernel';
import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

/** The personnel-owned district report as this subgraph extends it: its key, and personnel's school count the reform figures need. */
@ObjectType('DistrictReport')
@Directive(DISTRICT_REPORT_KEY)
export class DistrictReportRef extends DistrictReportKey {
  /** present when governanceReform is asked */
  @Field(() => Int) @Directive('@external') schoolCount?: number;
}

/** The personnel-owned school report (a row of the comparison), as this subgraph extends it. */
@ObjectType('SchoolReport')
@Directive(SCHOOL_REPORT_KEY)
export class SchoolReportRef extends SchoolReportKey {}

@ObjectType('GovernanceReformFigures', { description: '党组织领导的校长负责制 across the district at the end of a year (today for the current year)' })
export class GovernanceReformFigures {
  @Field(() => Int, { description: 'Schools of the district (personnel’s count); those with no record have not started' })
  @FigureRow({ label: '党组织领导的校长负责制：学校数', order: 1 })
  total!: number;
  @Field(() => Int) @FigureRow({ label: `其中：${REFORM_STATUS.label('NOT_STARTED')}`, order: 2 }) notStarted!: number;
  @Field(() => Int) @FigureRow({ label: `其中：${REFORM_STATUS.label('PILOT')}`, order: 3 }) pilot!: number;
  @Field(() => Int) @FigureRow({ label: `其中：${REFORM_STATUS.label('COMPLETED')}`, order: 4 }) completed!: number;
  @Field(() => Float, { nullable: true, description: 'completed ÷ total, 4 places' })
  @FigureRow({ label: '校长负责制改革完成比例', order: 5, unit: '%', format: 'percent' })
  completedShare!: number | null;
}
