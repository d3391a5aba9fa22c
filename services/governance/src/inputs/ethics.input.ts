import { ETHICS_RESULT, graphqlEnum } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { EthicsResult } from '../rules/veto-rule';

@InputType({ description: 'A 师德考核 row: teacher + year is the key' })
export class EthicsAssessmentInput {
  @Field(() => ID) teacherId!: string;
  @Field(() => Int, { description: '师德考核时间 (year)' }) year!: number;
  @Field(() => graphqlEnum(ETHICS_RESULT), { description: '师德考核结论' }) result!: EthicsResult;
}

@InputType({ description: 'Filters of the ethics assessments list' })
export class EthicsAssessmentFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true, description: 'the school the record was written for' }) schoolId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => graphqlEnum(ETHICS_RESULT), { nullable: true }) result?: EthicsResult;
}
