import { FigureRow, graphqlEnum, TALENT_CATEGORY } from '@tw/kernel';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { TalentCategory } from '../entities/talent-record.entity';

/** The personnel-owned district report as this subgraph extends it: its key only. */
@ObjectType('DistrictReport')
@Directive('@key(fields: "year sinceYear")')
export class DistrictReportRef {
  @Field(() => Int) year!: number;
  @Field(() => Int) sinceYear!: number;
}

/** The personnel-owned school report (a row of the comparison), as this subgraph extends it. */
@ObjectType('SchoolReport')
@Directive('@key(fields: "schoolId year sinceYear")')
export class SchoolReportRef {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Int) sinceYear!: number;
}

@ObjectType('TalentCategoryPassed', { description: 'Teachers of one talent category (优秀教育人才 A/B/C) who passed the year’s assessment' })
export class TalentCategoryPassed {
  @Field(() => graphqlEnum(TALENT_CATEGORY)) category!: TalentCategory;
  @Field(() => Int, { nullable: true, description: 'null when withheld from this reader (fewer than 5 assessed)' })
  @FigureRow({ label: '其中：{category}', order: 1 })
  passed!: number | null;
  @Field() withheld!: boolean;
}

@ObjectType('SchoolMetricValue', { description: "One school's value of a figure, for ordering the school comparison" })
@Directive('@shareable')
export class SchoolMetricValue {
  @Field(() => ID) schoolId!: string;
  @Field(() => Float, { nullable: true, description: 'null: the school has no such figure, or it is withheld from this reader' }) value!: number | null;
}
