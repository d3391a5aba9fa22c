import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A staffing quota row: school (by id, code or name) + year is the key' })
export class QuotaInput {
  @Field(() => ID, { nullable: true }) schoolId?: string;
  @Field({ nullable: true, description: '学校标识码' }) schoolCode?: string;
  @Field({ nullable: true, description: '学校名称' }) schoolName?: string;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field(() => Int, { description: '核定编制数' }) approved!: number;
}

@InputType({ description: "One school's change in a dynamic adjustment" })
export class QuotaChangeInput {
  @Field(() => ID) schoolId!: string;
  @Field(() => Int, { description: 'posts added (positive) or taken away (negative)' }) delta!: number;
}

@InputType({ description: 'A dynamic adjustment: posts moved between schools, the district total unchanged' })
export class QuotaAdjustmentInput {
  @Field(() => Int) year!: number;
  @Field(() => [QuotaChangeInput]) changes!: QuotaChangeInput[];
  @Field({ description: 'why (a decision number, a note)' }) reason!: string;
}
