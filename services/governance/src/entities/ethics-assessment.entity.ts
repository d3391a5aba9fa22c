import { ETHICS_RESULT, graphqlEnum } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { EthicsResult } from '../rules/veto-rule';

/** 师德考核: a teacher's ethics assessment for a year. */
@Entity('ethics_assessment')
@Index('uq_ethics_teacher_year', ['teacherId', 'year'], { unique: true })
@Index('ix_ethics_school_year', ['schoolId', 'year'])
@Index('ix_ethics_year_result', ['year', 'result'])
@ObjectType('EthicsAssessment', { description: '师德考核: a teacher’s yearly ethics assessment' })
export class EthicsAssessment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  teacherId!: string;

  /** the teacher's school when the record was written, for per-school figures */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '师德考核时间 (year)' })
  year!: number;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(ETHICS_RESULT), { description: '师德考核结论' })
  result!: EthicsResult;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
