import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TrainingProgramme } from './training-programme.entity';

/** One teacher's participation in a programme: one 人次, with the 学时 and 学分 earned. */
@Entity('training_participation')
@Index('uq_participation_teacher_programme', ['teacherId', 'programmeId'], { unique: true })
@Index('ix_participation_teacher_year', ['teacherId', 'year'])
@Index('ix_participation_school_year', ['schoolId', 'year'])
@Index('ix_participation_year_school', ['year', 'schoolId', 'programmeId', 'hours'])
@Index('ix_participation_year_programme', ['year', 'programmeId', 'schoolId', 'hours'])
@Index('ix_participation_programme', ['programmeId', 'id'])
@ObjectType('TrainingParticipation', { description: "A teacher's participation in a training programme (one 人次)" })
export class TrainingParticipation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'programme_id', type: 'varchar', length: 36 })
  programmeId!: string;

  /** declares the foreign key; never loaded (the programme field goes through a loader) */
  @ManyToOne(() => TrainingProgramme, { nullable: false, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'programme_id', foreignKeyConstraintName: 'fk_participation_programme' })
  programmeFk?: TrainingProgramme;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  teacherId!: string;

  /** the teacher's school when the record was written (from personnel) */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  /** the programme's year, kept here for per-teacher and per-school figures by year */
  @Column({ type: 'int' })
  @Field(() => Int, { description: '培训年度' })
  year!: number;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '培训获得学时' })
  hours!: number;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '培训获得学分' })
  credits!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
