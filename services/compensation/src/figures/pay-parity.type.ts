import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SchoolRef } from '../entities/school-ref';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

const WITHHELD = 'Whether the figures are withheld from this reader by the small-group rule (fewer than 5 teachers; see withheldReason)';

@ObjectType('SchoolPay', {
  description:
    "A school's serving teachers' average annual income for a year, against the civil servants' average (parity applies to public schools). Schools are as recorded on the pay records.",
})
export class SchoolPay {
  @Field(() => SchoolRef) school!: SchoolRef;
  @Field(() => Int) year!: number;
  @Field(() => Boolean, { nullable: true, description: 'Whether the school was public on its pay records of the year (null when it has none)' })
  public!: boolean | null;
  @Field(() => Int, { description: 'Serving teachers with a pay record of the year' }) teachers!: number;
  @Field(() => Yuan, { nullable: true, description: 'Their average annual income, rounded half-up to the fen' }) averageAnnualIncome!: Fen | null;
  @Field(() => Yuan, { nullable: true, description: "The civil servants' average annual pay of the year (null when none is entered)" }) benchmark!: Fen | null;
  @Field(() => Float, { nullable: true, description: 'average ÷ benchmark, rounded to 4 places (public schools)' }) ratio!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the average (to the fen) is at least the benchmark: the policy (public schools)' })
  meetsPolicy!: boolean | null;
  @Field(() => Yuan, { nullable: true, description: 'average − benchmark; negative when below (public schools)' }) gap!: Fen | null;
  @Field({ description: WITHHELD }) withheld!: boolean;
  @Field(() => String, { nullable: true }) withheldReason!: string | null;
}

@ObjectType('PayParity', {
  description:
    "Teachers' pay against the civil servants' for a year (教师平均工资不低于当地公务员平均工资): serving teachers of public schools with a pay record of the year, as recorded, district-wide and per school",
})
export class PayParity {
  @Field(() => Int) year!: number;
  @Field(() => Yuan, { nullable: true, description: "The civil servants' average annual pay of the year (null when none is entered)" }) benchmark!: Fen | null;
  @Field(() => Int, { description: 'Serving teachers of public schools with a pay record of the year' }) teachers!: number;
  @Field(() => Yuan, { nullable: true, description: 'Their average annual income: SUM ÷ COUNT in integers, rounded half-up to the fen' })
  averageAnnualIncome!: Fen | null;
  @Field(() => Float, { nullable: true, description: 'average ÷ benchmark, rounded to 4 places' }) ratio!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the average (to the fen) is at least the benchmark' }) meetsPolicy!: boolean | null;
  @Field(() => Yuan, { nullable: true, description: 'average − benchmark; negative when below' }) gap!: Fen | null;
  @Field({ description: WITHHELD }) withheld!: boolean;
  @Field(() => String, { nullable: true }) withheldReason!: string | null;
  @Field(() => [SchoolPay], {
    description: 'Each public school: the lowest averages first (so those below the benchmark lead), then the schools whose figures are withheld, by id',
  })
  schools!: SchoolPay[];
}
