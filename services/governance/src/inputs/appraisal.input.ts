import { APPRAISAL_RESULT, graphqlEnum } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { AppraisalResult } from '../entities/appraisal.entity';

@InputType({ description: 'A 年度考核 row: teacher + year is the key' })
export class AppraisalInput {
  @Field(() => ID) teacherId!: string;
  @Field(() => Int, { description: '考核年度' }) year!: number;
  @Field(() => graphqlEnum(APPRAISAL_RESULT), { description: '考核结果' }) result!: AppraisalResult;
  @Field(() => String, { nullable: true, description: '考核单位名称' }) appraiser?: string | null;
}

@InputType({ description: 'Filters of the appraisals list' })
export class AppraisalFilter {
  @Field(() => Int, { nullable: true }) year?: number;
  @Field(() => ID, { nullable: true, description: 'the school the record was written for' }) schoolId?: string;
  @Field(() => ID, { nullable: true }) teacherId?: string;
  @Field(() => graphqlEnum(APPRAISAL_RESULT), { nullable: true }) result?: AppraisalResult;
}
