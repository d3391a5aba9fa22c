import { graphqlEnum, TALENT_CATEGORY, TALENT_RESULT } from '@tw/kernel';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { TalentCategory, TalentResult } from '../entities/talent-record.entity';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

@InputType({ description: 'A talent row (优秀教育人才): teacher + year is the key' })
export class TalentRecordInput {
  @Field(() => ID, { description: "The teacher's id in personnel" }) teacherId!: string;
  @Field({ nullable: true, description: '姓名: when given, must agree with personnel' }) name?: string;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field(() => graphqlEnum(TALENT_CATEGORY), { description: '人才类别' }) category!: TalentCategory;
  @Field(() => graphqlEnum(TALENT_RESULT), { description: '考核结果' }) result!: TalentResult;
  @Field(() => Yuan, { nullable: true, description: '补贴金额(元): only for a passed assessment' }) subsidy?: Fen | null;
}

@InputType({ description: 'Filters of the talent records list' })
export class TalentRecordFilter {
  @Field(() => Int) year!: number;
  @Field(() => graphqlEnum(TALENT_CATEGORY), { nullable: true }) category?: TalentCategory;
  @Field(() => ID, { nullable: true, description: 'the school as recorded on the records' }) schoolId?: string;
}
