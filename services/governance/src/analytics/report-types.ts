import { FigureRow, REFORM_STATUS } from '@tw/kernel';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/** The personnel-owned district report as this subgraph extends it: its key, and personnel's school count the reform figures need. */
@ObjectType('DistrictReport')
@Directive('@key(fields: "year sinceYear")')
export class DistrictReportRef {
  @Field(() => Int) year!: number;
  @Field(() => Int) sinceYear!: number;
  /** present when governanceReform is asked */
  @Field(() => Int) @Directive('@external') schoolCount?: number;
}

/** The personnel-owned school report (a row of the comparison), as this subgraph extends it. */
@ObjectType('SchoolReport')
@Directive('@key(fields: "schoolId year sinceYear")')
export class SchoolReportRef {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) sinceYear!: number;
}

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


@ObjectType('SchoolMetricValue', { description: "One school's value of a figure, for ordering the school comparison" })
@Directive('@shareable')
export class SchoolMetricValue {
  @Field(() => ID) schoolId!: string;
  @Field(() => Float, { nullable: true, description: 'null: the school has no such figure, or it is withheld from this reader' }) value!: number | null;
}
