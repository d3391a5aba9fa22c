import { APPRAISAL_RESULT, graphqlEnum, ValueOf } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type AppraisalResult = ValueOf<typeof APPRAISAL_RESULT>;

/**
 * 年度考核: a teacher's annual appraisal. When the teacher's ethics result for the year is 不合格
 * the stored result is 不合格 whatever was submitted; `requestedResult` keeps what was submitted.
 */
@Entity('appraisal')
@Index('uq_appraisal_teacher_year', ['teacherId', 'year'], { unique: true })
@Index('ix_appraisal_school_year', ['schoolId', 'year'])
@Index('ix_appraisal_year_result', ['year', 'result'])
@ObjectType('Appraisal', { description: '年度考核: a teacher’s annual appraisal' })
export class Appraisal {
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
  @Field(() => Int, { description: '考核年度' })
  year!: number;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(APPRAISAL_RESULT), { description: '考核结果 (as it stands, after the ethics rule)' })
  result!: AppraisalResult;

  @Column({ name: 'requested_result', type: 'varchar', length: 30, nullable: true })
  @Field(() => graphqlEnum(APPRAISAL_RESULT), {
    nullable: true,
    description: 'The result submitted, when an ethics result of 不合格 forced the stored result to 不合格; null otherwise',
  })
  requestedResult!: AppraisalResult | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '考核单位名称' })
  appraiser!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
