import { DISTRICT_REPORT_KEY, DistrictReportKey, FigureRow, graphqlEnum, SCHOOL_REPORT_KEY, SchoolReportKey, TALENT_CATEGORY } from '@tw/kernel';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { TalentCategory } from '../entities/talent-record.entity';

/** The personnel-owned district report as this subgraph extends it: its key only. */
@ObjectType('DistrictReport')
@Directive(DISTRICT_REPORT_KEY)
export class DistrictReportRef extends DistrictReportKey {}

/** The personnel-owned school report (a row of the comparison), as this subgraph extends it. */
@ObjectType('SchoolReport')
@Directive(SCHOOL_REPORT_KEY)
export class SchoolReportRef extends SchoolReportKey {}

@ObjectType('TalentCategoryPassed', { description: 'Teachers of one talent category (优秀教育人才 A/B/C) who passed the year’s assessment' })
export class TalentCategoryPassed {
  @Field(() => graphqlEnum(TALENT_CATEGORY)) category!: TalentCategory;
  @Field(() => Int, { nullable: true, description: 'null when withheld from this reader (fewer than 5 assessed)' })
  @FigureRow({ label: '其中：{category}', order: 1 })
  passed!: number | null;
  @Field() withheld!: boolean;
}
