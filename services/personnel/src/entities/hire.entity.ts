import { graphqlEnum, HIRE_CHANNEL, LocalDate, ValueOf } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Teacher } from './teacher.entity';

export type HireChannel = ValueOf<typeof HIRE_CHANNEL>;

/** A teacher's recruitment: the year, the channel, and the date they entered an established post. */
@Entity('hire')
@Index('uq_hire_teacher_year', ['teacherId', 'year'], { unique: true })
@Index('ix_hire_year', ['year', 'channel'])
@Index('ix_hire_in_quota_date', ['inQuotaDate'])
@ObjectType('Hire', { description: 'A recruitment (招聘) of a teacher' })
export class Hire {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  teacherId!: string;

  /** the foreign key fk_hire_teacher; the id column above is what the code reads */
  @ManyToOne(() => Teacher, { nullable: false })
  @JoinColumn({ name: 'teacher_id', foreignKeyConstraintName: 'fk_hire_teacher' })
  teacherRow?: Teacher;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '招聘年度' })
  year!: number;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(HIRE_CHANNEL), { description: '招聘方式' })
  channel!: HireChannel;

  @Column({ name: 'in_quota_date', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: '入编日期' })
  inQuotaDate!: string | null;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
