import { Field, Int, ObjectType } from 'type-graphql';
import { SchoolRef } from '../entities/school-ref';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

const PAID =
  'Performance pay paid: the sum over the pay records of the year recorded at the school (every teacher, serving or not) of 绩效工资(元/月) × 12; a record without it counts 0';

@ObjectType('SchoolPerformancePay', { description: "A school's approved performance-pay total (核定绩效工资总量) for a year against what was paid" })
export class SchoolPerformancePay {
  @Field(() => SchoolRef) school!: SchoolRef;
  @Field(() => Int) year!: number;
  @Field(() => Yuan, { nullable: true, description: '核定绩效工资总量 (null when none is approved for the year)' }) approvedTotal!: Fen | null;
  @Field(() => Yuan, { nullable: true, description: PAID }) paidTotal!: Fen | null;
  @Field(() => Yuan, { nullable: true, description: 'approved − paid: positive when less was paid than approved, negative when more' }) difference!: Fen | null;
  @Field(() => Int, { description: 'Pay records of the year recorded at the school' }) payRecords!: number;
  @Field({ description: 'Whether paidTotal is withheld from this reader by the small-group rule (paid to fewer than 5 teachers)' }) withheld!: boolean;
  @Field(() => String, { nullable: true }) withheldReason!: string | null;
}

@ObjectType('PerformancePaySummary', {
  description: "The district's performance pay for a year: approved totals against what was paid, for the public schools (as recorded)",
})
export class PerformancePaySummary {
  @Field(() => Int) year!: number;
  @Field(() => Yuan, { description: 'Sum of the approved totals' }) approvedTotal!: Fen;
  @Field(() => Yuan, { nullable: true, description: 'Sum of the paid totals of the listed schools' }) paidTotal!: Fen | null;
  @Field(() => Yuan, { nullable: true, description: 'approved − paid' }) difference!: Fen | null;
  @Field(() => Int) payRecords!: number;
  @Field() withheld!: boolean;
  @Field(() => String, { nullable: true }) withheldReason!: string | null;
  @Field(() => [SchoolPerformancePay], {
    description: 'Each public school with an approved total or pay records: the most overspent (lowest difference) first, then those with no approved total, then those withheld, by id',
  })
  schools!: SchoolPerformancePay[];
}
