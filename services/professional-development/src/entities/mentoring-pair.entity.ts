import { LocalDate } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** 师徒结对: a mentor and a mentee (never the same teacher); mentor + mentee is the key. */
@Entity('mentoring_pair')
@Index('uq_mentoring_pair', ['mentorId', 'menteeId'], { unique: true })
@Index('ix_mentoring_mentee', ['menteeId', 'startDate'])
@Index('ix_mentoring_mentee_school', ['menteeSchoolId', 'startDate'])
@ObjectType('MentoringPair', { description: '师徒结对: a mentor and a mentee' })
export class MentoringPair {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'mentor_id', type: 'varchar', length: 36 })
  mentorId!: string;

  /** the mentor's school when the record was written (from personnel) */
  @Column({ name: 'mentor_school_id', type: 'varchar', length: 36 })
  mentorSchoolId!: string;

  @Column({ name: 'mentee_id', type: 'varchar', length: 36 })
  menteeId!: string;

  /** the mentee's school when the record was written (from personnel) */
  @Column({ name: 'mentee_school_id', type: 'varchar', length: 36 })
  menteeSchoolId!: string;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => LocalDate, { description: '结对开始日期' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: '结对结束日期; null while the pairing lasts' })
  endDate!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
