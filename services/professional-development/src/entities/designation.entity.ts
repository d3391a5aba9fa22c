import { DESIGNATION_KIND, DESIGNATION_LEVEL, graphqlEnum, LocalDate } from '@tw/kernel';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DesignationKind, DesignationLevel } from '../rules/designation-rank';

/** A designation of excellence (入选人才项目): teacher + 称号 + 级别 + 认定年度 is the key. */
@Entity('designation')
@Index('uq_designation_key', ['teacherId', 'kind', 'level', 'year'], { unique: true })
@Index('ix_designation_school_year', ['schoolId', 'year'])
@Index('ix_designation_year_level', ['year', 'level', 'kind'])
@Index('ix_designation_validity', ['year', 'validUntil', 'teacherId'])
@ObjectType('Designation', { description: 'A designation of excellence (名师, 骨干教师, 学科带头人…) conferred on a teacher' })
export class Designation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  @Field(() => ID)
  id!: string;

  @Column({ name: 'teacher_id', type: 'varchar', length: 36 })
  teacherId!: string;

  /** the teacher's school when the record was written (from personnel) */
  @Column({ name: 'school_id', type: 'varchar', length: 36 })
  schoolId!: string;

  @Column({ type: 'varchar', length: 30 })
  @Field(() => graphqlEnum(DESIGNATION_KIND), { description: '称号' })
  kind!: DesignationKind;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => graphqlEnum(DESIGNATION_LEVEL), { description: '级别' })
  level!: DesignationLevel;

  @Column({ type: 'int' })
  @Field(() => Int, { description: '认定年度' })
  year!: number;

  @Column({ name: 'valid_until', type: 'date', nullable: true })
  @Field(() => LocalDate, { nullable: true, description: '有效期至; null when it does not expire' })
  validUntil!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: '认定单位' })
  issuer!: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  @Field()
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  @Field()
  updatedAt!: Date;
}
