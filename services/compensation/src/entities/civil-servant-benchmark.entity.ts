import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../money/fen-column';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

/** The local civil servants' average annual pay for a year: what teachers' average pay is held against. */
@Entity('civil_servant_benchmark')
@Index('uq_benchmark_year', ['year'], { unique: true })
@ObjectType('CivilServantBenchmark', { description: "The local civil servants' average annual pay for a finished year (公务员平均工资), entered by the district" })
export class CivilServantBenchmark {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'int' })
  @Field(() => Int)
  year!: number;

  @Column({ name: 'average_annual_pay', type: 'bigint', transformer: fenColumn })
  @Field(() => Yuan, { description: 'average annual pay of the local civil servants (元/年)' })
  averageAnnualPay!: Fen;

  @Column({ name: 'updated_by', type: 'varchar', length: 100 })
  @Field({ description: 'Subject of the token that entered it last' })
  updatedBy!: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
