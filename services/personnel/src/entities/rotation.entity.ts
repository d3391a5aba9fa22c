import { YearMonth } from '@tw/kernel';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Teacher } from './teacher.entity';

/** 交流轮岗: a teacher working at another school for a period (县管校聘). */
@Entity('rotation')
@Index('uq_rotation_teacher_start', ['teacherId', 'startMonth'], { unique: true })
@Index('ix_rotation_start', ['startMonth'])
@Index('ix_rotation_start_school', ['startMonth', 'fromSchoolId'])
@ObjectType('Rotation', { description: '交流轮岗: a teacher rotating to another school for a period' })
export class Rotation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  @Field(() => ID)
  teacherId!: string;

  /** the foreign key fk_rotation_teacher; the id column above is what the code reads */
  @ManyToOne(() => Teacher, { nullable: false })
  @JoinColumn({ name: 'teacher_id', foreignKeyConstraintName: 'fk_rotation_teacher' })
  teacherRow?: Teacher;

  @Column({ type: 'varchar', length: 50 })
  @Field({ description: '交流轮岗类型, as the district names it' })
  type!: string;

  @Column({ name: 'personnel_relation_moved', type: 'boolean' })
  @Field({ description: '是否调动人事关系' })
  personnelRelationMoved!: boolean;

  @Column({ name: 'start_month', type: 'varchar', length: 7 })
  @Field(() => YearMonth, { description: '开始年月' })
  startMonth!: string;

  @Column({ name: 'end_month', type: 'varchar', length: 7, nullable: true })
  @Field(() => YearMonth, { nullable: true, description: '结束年月' })
  endMonth!: string | null;

  @Column({ name: 'from_school_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The origin school when it is a school of the district' })
  fromSchoolId!: string | null;

  @Column({ name: 'from_school_name', type: 'varchar', length: 100 })
  @Field({ description: '原单位名称' })
  fromSchoolName!: string;

  @Column({ name: 'to_school_id', type: 'varchar', length: 36, nullable: true })
  @Field(() => ID, { nullable: true, description: 'The destination school when it is a school of the district' })
  toSchoolId!: string | null;

  @Column({ name: 'to_school_name', type: 'varchar', length: 100 })
  @Field({ description: '交流轮岗单位名称' })
  toSchoolName!: string;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
