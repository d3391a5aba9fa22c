import { graphqlEnum, TALENT_CATEGORY, TALENT_RESULT, ValueOf } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { fenColumn } from '../money/fen-column';
import { Fen } from '../money/fen';
import { Yuan } from '../money/yuan.scalar';

export type TalentCategory = ValueOf<typeof TALENT_CATEGORY>;
export type TalentResult = ValueOf<typeof TALENT_RESULT>;

/** 优秀教育人才: a teacher's category (A/B/C) for a year, the assessment result and the subsidy paid. */
@Entity('talent_record')
@Index('uq_talent_teacher_year', ['teacherId', 'year'], { unique: true })
@Index('ix_talent_year_category', ['year', 'category', 'result', 'subsidy'])
@Index('ix_talent_year_school', ['year', 'schoolId', 'result', 'subsidy'])
@ObjectType('TalentRecord', { description: '优秀教育人才: a teacher\'s category for a year, its assessment and the subsidy paid' })
export class TalentRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  teacherId!: string;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '年度' })
  year!: number;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => graphqlEnum(TALENT_CATEGORY), { description: '人才类别' })
  category!: TalentCategory;

  @Column({ type: 'varchar', length: 10 })
  @Field(() => graphqlEnum(TALENT_RESULT), { description: '考核结果' })
  result!: TalentResult;

  @Column({ type: 'bigint', nullable: true, transformer: fenColumn })
  @Field(() => Yuan, { nullable: true, description: '补贴金额(元): paid only to those who passed; null when none is recorded' })
  subsidy!: Fen | null;

  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ name: 'school_public', type: 'boolean' })
  @Field({ description: 'Whether the school was public when this record was written (as recorded)' })
  schoolPublic!: boolean;

  @Column({ name: 'teacher_serving', type: 'boolean' })
  @Field({ description: 'Whether the teacher was serving when this record was written (as recorded)' })
  teacherServing!: boolean;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
