import { graphqlEnum, LESSON_KIND, LocalDate, ValueOf } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Studio } from './studio.entity';

export type LessonKind = ValueOf<typeof LESSON_KIND>;

/** A demonstration lesson (示范课/观摩课/公开课): presenter + 日期 + 课题 is the key. Each is one 课次. */
@Entity('lesson')
@Index('uq_lesson_key', ['teacherId', 'date', 'title'], { unique: true })
@Index('ix_lesson_date', ['date'])
@Index('ix_lesson_school_date', ['schoolId', 'date'])
@Index('ix_lesson_studio_date', ['studioId', 'date'])
@ObjectType('Lesson', { description: 'A demonstration lesson (示范课/观摩课/公开课): one 课次' })
export class Lesson {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ type: 'date' })
  @Field(() => LocalDate, { description: '日期' })
  date!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  teacherId!: string;

  /** the presenter's school when the record was written (from personnel) */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ type: 'varchar', length: 200 })
  @Field({ description: '课题' })
  title!: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  @Field(() => String, { nullable: true, description: '学科' })
  subject!: string | null;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(LESSON_KIND), { description: '类型' })
  kind!: LessonKind;

  @Column({ name: 'studio_id', type: 'varchar', length: 36, nullable: true })
  studioId!: string | null;

  /** declares the foreign key; never loaded */
  @ManyToOne(() => Studio, { nullable: true, onDelete: 'NO ACTION', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'studio_id', foreignKeyConstraintName: 'fk_lesson_studio' })
  studioFk?: Studio | null;

  @Column({ type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '观摩人数' })
  observers!: number | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
