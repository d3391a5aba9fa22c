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
  @Field(() => Int, { description: 'Schools of the district (personnel’s count); those with no record have not started' }) total!: number;
  @Field(() => Int) notStarted!: number;
  @Field(() => Int) pilot!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Float, { nullable: true, description: 'completed ÷ total, 4 places' }) completedShare!: number | null;
}


@ObjectType('SchoolMetricValue', { description: "One school's value of a figure, for ordering the school comparison" })
@Directive('@shareable')
export class SchoolMetricValue {
  @Field(() => ID) schoolId!: string;
  @Field(() => Float, { nullable: true, description: 'null: the school has no such figure, or it is withheld from this reader' }) value!: number | null;
}
