import { DESIGNATION_LEVEL, graphqlEnum, STUDIO_KIND } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { DesignationLevel } from '../rules/designation-rank';
import type { StudioKind } from '../rules/studio-host';

@InputType({
  description:
    'A row of the studios sheet: the studio columns, repeated on each member row. 工作室名称 (+ the member) is the key; rows of one studio must agree on its columns.',
})
export class StudioInput {
  @Field({ description: '工作室名称' }) name!: string;
  @Field(() => graphqlEnum(STUDIO_KIND), { description: '类型' }) kind!: StudioKind;
  @Field(() => graphqlEnum(DESIGNATION_LEVEL), { description: '级别' }) level!: DesignationLevel;
  @Field(() => ID, { description: '主持人' }) hostTeacherId!: string;
  @Field(() => Int, { description: '成立年度' }) foundedYear!: number;
  @Field(() => ID, { nullable: true, description: '成员 (none on a row that gives the studio alone)' }) memberTeacherId?: string | null;
}

@InputType({ description: 'Filters of the studios list' })
export class StudioFilter {
  @Field(() => graphqlEnum(STUDIO_KIND), { nullable: true }) kind?: StudioKind;
  @Field(() => graphqlEnum(DESIGNATION_LEVEL), { nullable: true }) level?: DesignationLevel;
  @Field(() => Int, { nullable: true, description: 'studios founded in this year or before' }) foundedBy?: number;
  @Field(() => ID, { nullable: true, description: "the host's school when the studio was recorded" }) hostSchoolId?: string;
  @Field(() => ID, { nullable: true, description: 'studios this teacher hosts or is a member of' }) teacherId?: string;
  @Field({ nullable: true, description: 'names containing this text' }) nameContains?: string;
}
