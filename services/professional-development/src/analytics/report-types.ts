import { DESIGNATION_LEVEL, DISTRICT_REPORT_KEY, DistrictReportKey, FigureRow, graphqlEnum, SCHOOL_REPORT_KEY, SchoolReportKey, STUDIO_KIND, TRAINING_LEVEL } from '@tw/kernel';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import type { TrainingLevel } from '../entities/training-programme.entity';
import type { DesignationLevel } from '../rules/designation-rank';
import type { StudioKind } from '../rules/studio-host';

/**
 * The personnel-owned district report as this subgraph extends it: its key, and personnel's counts
 * that the designation shares and the dual-cultivation figures are worked out against.
 */
@ObjectType('DistrictReport')
@Directive(DISTRICT_REPORT_KEY)
export class DistrictReportRef extends DistrictReportKey {
  /** present when a field that @requires it is asked */
  @Field(() => Int) @Directive('@external') publicTeacherCount?: number;
  @Field(() => Int) @Directive('@external') partyMemberTeacherCount?: number;
}

/** The personnel-owned school report (a row of the comparison), as this subgraph extends it. */
@ObjectType('SchoolReport')
@Directive(SCHOOL_REPORT_KEY)
export class SchoolReportRef extends SchoolReportKey {
  @Field(() => Int) @Directive('@external') publicTeacherCount?: number;
  @Field(() => Int) @Directive('@external') partyMemberTeacherCount?: number;
}

@ObjectType('TrainingLevelCount', { description: 'Training person-times (人次) and hours of one level (国培/省培/市培/区培/校培) in a year' })
export class TrainingLevelCount {
  @Field(() => graphqlEnum(TRAINING_LEVEL)) level!: TrainingLevel;
  @Field(() => Int) @FigureRow({ label: '其中：{level}', order: 1 }) personTimes!: number;
  @Field(() => Int) hours!: number;
}

@ObjectType('StudioKindLevelCount', { description: 'Studios of one kind and level existing in a year (founded then or before)' })
export class StudioKindLevelCount {
  @Field(() => graphqlEnum(STUDIO_KIND)) kind!: StudioKind;
  @Field(() => graphqlEnum(DESIGNATION_LEVEL)) level!: DesignationLevel;
  @Field(() => Int) @FigureRow({ label: '其中：{kind}（{level}）', order: 1 }) count!: number;
}
