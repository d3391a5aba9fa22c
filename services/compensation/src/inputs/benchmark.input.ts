import { Field, InputType, Int } from 'type-graphql';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

@InputType({ description: "A civil-servant benchmark row: the year is the key" })
export class CivilServantBenchmarkInput {
  @Field(() => Int, { description: 'a finished year' }) year!: number;
  @Field(() => Yuan, { description: "the local civil servants' average annual pay (元/年)" }) averageAnnualPay!: Fen;
}
