import { Field, ID, InputType, Int } from 'type-graphql';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

@InputType({ description: 'A performance-pay allocation row: school + year is the key' })
export class PerformancePayAllocationInput {
  @Field(() => ID, { description: "The school's id in personnel" }) schoolId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Yuan, { description: '核定绩效工资总量(元)' }) approvedTotal!: Fen;
}
