import { Field, ID, InputType, Int } from 'type-graphql';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

@InputType({ description: 'A pay row (基本待遇): teacher + year is the key; amounts in yuan, monthly components optional' })
export class PayRecordInput {
  @Field(() => ID, { description: "The teacher's id in personnel" }) teacherId!: string;
  @Field({ nullable: true, description: '姓名: when given, must agree with personnel' }) name?: string;
  @Field(() => Int, { description: '年度: a finished year' }) year!: number;
  @Field(() => Yuan, { description: '年工资收入(元)' }) annualIncome!: Fen;
  @Field(() => Yuan, { nullable: true, description: '基本工资(元/月)' }) basicMonthly?: Fen | null;
  @Field(() => Yuan, { nullable: true, description: '绩效工资(元/月)' }) performanceMonthly?: Fen | null;
  @Field(() => Yuan, { nullable: true, description: '乡村教师生活补助(元/月)' }) ruralSubsidyMonthly?: Fen | null;
  @Field(() => Yuan, { nullable: true, description: '其他津贴补贴(元/月)' }) otherAllowanceMonthly?: Fen | null;
  @Field(() => Yuan, { nullable: true, description: '其他(元/月)' }) otherMonthly?: Fen | null;
}

@InputType({ description: 'Filters of the pay records list' })
export class PayRecordFilter {
  @Field(() => Int) year!: number;
  @Field(() => ID, { nullable: true, description: 'the school as recorded on the records' }) schoolId?: string;
}
