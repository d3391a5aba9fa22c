import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../money/fen-column';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

/**
 * A teacher's pay for a finished year (基本待遇): the annual income and the monthly components, in
 * fen. The school, whether it is public and whether the teacher was serving are as recorded: taken
 * from personnel when the record was written, so per-school and parity figures are SQL GROUP BYs here.
 */
@Entity('pay_record')
@Index('uq_pay_teacher_year', ['teacherId', 'year'], { unique: true })
@Index('ix_pay_parity', ['year', 'teacherServing', 'schoolId', 'schoolPublic', 'annualIncome'])
@Index('ix_pay_school_year', ['year', 'schoolId', 'schoolPublic', 'performanceMonthly'])
@ObjectType('PayRecord', { description: "A teacher's pay for a finished year (基本待遇), amounts in yuan" })
export class PayRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  teacherId!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '年度 (a finished year)' })
  year!: number;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ name: 'school_public', type: 'boolean' })
  @Field({ description: 'Whether the school was public (公办) when this record was written (as recorded)' })
  schoolPublic!: boolean;

  @Column({ name: 'teacher_serving', type: 'boolean' })
  @Field({ description: 'Whether the teacher was serving (在本单位任职 or 暂未在本单位任职) when this record was written (as recorded)' })
  teacherServing!: boolean;

  @Column({ name: 'annual_income', type: 'bigint', transformer: fenColumn })
  @Field(() => Yuan, { description: '年工资收入(元)' })
  annualIncome!: Fen;

  @Column({ name: 'basic_monthly', type: 'bigint', nullable: true, transformer: fenColumn })
  @Field(() => Yuan, { nullable: true, description: '基本工资(元/月)' })
  basicMonthly!: Fen | null;

  @Column({ name: 'performance_monthly', type: 'bigint', nullable: true, transformer: fenColumn })
  @Field(() => Yuan, { nullable: true, description: '绩效工资(元/月)' })
  performanceMonthly!: Fen | null;

  @Column({ name: 'rural_subsidy_monthly', type: 'bigint', nullable: true, transformer: fenColumn })
  @Field(() => Yuan, { nullable: true, description: '乡村教师生活补助(元/月)' })
  ruralSubsidyMonthly!: Fen | null;

  @Column({ name: 'other_allowance_monthly', type: 'bigint', nullable: true, transformer: fenColumn })
  @Field(() => Yuan, { nullable: true, description: '其他津贴补贴(元/月)' })
  otherAllowanceMonthly!: Fen | null;

  @Column({ name: 'other_monthly', type: 'bigint', nullable: true, transformer: fenColumn })
  @Field(() => Yuan, { nullable: true, description: '其他(元/月)' })
  otherMonthly!: Fen | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}

/** The monthly components, in the order the template lists them. */
export const MONTHLY_COMPONENTS = [
  ['basicMonthly', '基本工资'],
  ['performanceMonthly', '绩效工资'],
  ['ruralSubsidyMonthly', '乡村教师生活补助'],
  ['otherAllowanceMonthly', '其他津贴补贴'],
  ['otherMonthly', '其他'],
] as const satisfies ReadonlyArray<readonly [keyof PayRecord, string]>;

/** The sum of the monthly components given (a blank one counts as 0). */
export function monthlyTotal(r: Pick<PayRecord, (typeof MONTHLY_COMPONENTS)[number][0]>): Fen {
  return MONTHLY_COMPONENTS.reduce((s, [k]) => s + (r[k] ?? 0n), 0n);
}
