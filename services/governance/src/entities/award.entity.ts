import { graphqlEnum, HONOR_LEVEL, LocalDate, ValueOf } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type HonorLevel = ValueOf<typeof HONOR_LEVEL>;

/** 荣誉: an honour a teacher received. */
@Entity('award')
@Index('uq_award_teacher_title_date', ['teacherId', 'title', 'awardedOn'], { unique: true })
@Index('ix_award_school_date', ['schoolId', 'awardedOn'])
@Index('ix_award_date', ['awardedOn'])
@ObjectType('Award', { description: '荣誉: an honour a teacher received' })
export class Award {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  teacherId!: string;

  /** the teacher's school when the record was written, for per-school figures */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ type: 'varchar', length: 100 })
  @Field({ description: '荣誉称号' })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(HONOR_LEVEL), { description: '荣誉级别' })
  level!: HonorLevel;

  @Column({ name: 'awarded_on', type: 'date' })
  @Field(() => LocalDate, { description: '荣誉发生日期' })
  awardedOn!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '荣誉授予单位名称' })
  issuer!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
